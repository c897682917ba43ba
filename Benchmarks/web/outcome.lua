-- POST /calls/TASK/outcome (voicemail, note "bench") with the session's CSRF token, each request
-- on another open task of the volunteer (a repeat would be a duplicate and write nothing).
-- Paced like calls.lua. Env: SESSION, CSRF, TASKS (file of task path ids, one a line), DELAY_MS.
local session = os.getenv("SESSION")
local csrf = os.getenv("CSRF")
local pause = tonumber(os.getenv("DELAY_MS") or "40")
local threads = {}
local count = 0

function setup(thread)
    thread:set("index", count)
    count = count + 1
    table.insert(threads, thread)
end

function init(args)
    statuses = {}
    tasks = {}
    for line in io.lines(os.getenv("TASKS")) do table.insert(tasks, line) end
    next_task = index + 1
end

function delay()
    return pause
end

function request()
    local task = tasks[next_task]
    if task == nil then error("out of open tasks: make the run shorter") end
    next_task = next_task + tonumber(os.getenv("THREADS") or "1")
    return wrk.format("POST", "/calls/" .. task .. "/outcome", {
        ["Cookie"] = "tp_session=" .. session,
        ["Accept"] = "application/json",
        ["Content-Type"] = "application/x-www-form-urlencoded",
    }, "_csrf=" .. csrf .. "&outcome=voicemail&note=bench")
end

function response(status, headers, body)
    statuses[status] = (statuses[status] or 0) + 1
end

function done(summary, latency, requests)
    local total = {}
    for _, thread in ipairs(threads) do
        for status, n in pairs(thread:get("statuses")) do total[status] = (total[status] or 0) + n end
    end
    for status, n in pairs(total) do io.write(string.format("status %d: %d\n", status, n)) end
end
