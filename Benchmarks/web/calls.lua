-- GET /calls for the signed-in volunteer at a fixed pace: every connection waits DELAY_MS
-- before each request (wrk 4.1 has no -R), so C connections offer about C * 1000 / DELAY_MS req/s.
-- Env: SESSION (tp_session cookie), DATE (the volunteer's day), DELAY_MS.
local session = os.getenv("SESSION")
local date = os.getenv("DATE")
local pause = tonumber(os.getenv("DELAY_MS") or "50")
local threads = {}

function setup(thread)
    table.insert(threads, thread)
end

function init(args)
    statuses = {}
    wrk.headers["Cookie"] = "tp_session=" .. session
    wrk.path = "/calls?date=" .. date
end

function delay()
    return pause
end

function response(status, headers, body)
    statuses[status] = (statuses[status] or 0) + 1
end

function done(summary, latency, requests)
    local total = {}
    for _, thread in ipairs(threads) do
        for status, count in pairs(thread:get("statuses")) do total[status] = (total[status] or 0) + count end
    end
    for status, count in pairs(total) do io.write(string.format("status %d: %d\n", status, count)) end
end
