"""An organizer uploads a member export, plans a tour, downloads its ICS, and every organizer page
reflows at 320 px (no horizontal scroll), the tour's printable itinerary (itinerary.html) at 390
and 320 px. Screenshots at 390x844 and 320 px."""
import os
import re

PHONE = {"width": 390, "height": 844}
NARROW = {"width": 320, "height": 740}
HERE = os.path.dirname(os.path.abspath(__file__))
EXPORT = os.path.join(HERE, "..", "..", "Sources", "TourPlannerDomain", "Resources", "sample-members.csv")
PAGES = ["/members", "/rank", "/markers", "/tours", "/events", "/volunteers", "/users", "/import"]


def check_no_horizontal_scroll(page, what):
    width, inner = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
    assert width <= inner, f"{what}: page is {width}px wide in a {inner}px viewport (horizontal scroll)"


def shoot(page, context, name):
    page.screenshot(path=os.path.join(context["output"], name + ".png"))


def sign_in(browser, context):
    page = browser.new_page(viewport=PHONE)
    page.goto(context["url"] + "/login")
    page.get_by_label("Username").fill(context["organizer"])
    page.get_by_label("Password").fill(context["password"])
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_load_state()
    return page


def scenario_organizer_imports_plans_and_downloads_ics(browser, context):
    page = sign_in(browser, context)
    page.goto(context["url"] + "/import")
    page.get_by_label("Member export", exact=True).set_input_files(EXPORT)
    page.get_by_role("button", name="Import", exact=True).click()
    page.wait_for_url("**/import?report=*")
    report = page.locator("section[aria-labelledby=report-title]").inner_text()
    assert "sample-members.csv" in report and "Result:" in report, f"no import report: {report[:300]!r}"
    print("  " + page.locator("p.status").first.inner_text())
    shoot(page, context, "organizer-import-report-390")
    # A refresh shows the same report and imports nothing again.
    page.reload()
    assert "sample-members.csv" in page.locator("main").inner_text()
    page.goto(context["url"] + "/import")
    recent = page.get_by_role("region", name="Recent imports")
    assert "sample-members.csv" in recent.inner_text(), "the import is not in the recent imports"
    recent.screenshot(path=os.path.join(context["output"], "organizer-import-recent-390.png"))

    page.goto(context["url"] + "/rank")
    page.locator("figure.map").screenshot(path=os.path.join(context["output"], "organizer-rank-map-390.png"))
    boxes = page.evaluate(
        "[...document.querySelectorAll('figure.map svg text')].map(t => {"
        " const b = t.getBoundingClientRect(); return [t.textContent, b.left, b.top, b.right, b.bottom]; })")
    for i, a in enumerate(boxes):
        for b in boxes[i + 1:]:
            overlap = a[1] < b[3] and b[1] < a[3] and a[2] < b[4] and b[2] < a[4]
            assert not overlap, f"map labels overlap: {a[0]!r} and {b[0]!r}"

    page.goto(context["url"] + "/tours")
    page.get_by_label("Save as (tour name)").fill("browser-east")
    page.get_by_label("Base", exact=True).fill("New York, NY")
    page.get_by_label("First date").fill("2014-06-07")
    page.get_by_label("Last date").fill("2014-06-29")
    page.get_by_label("Best-ranked metros (when no list)").fill("3")
    shoot(page, context, "organizer-tours-form-390")
    page.get_by_role("button", name="Plan and save").click()
    page.wait_for_url("**/tours/browser-east?saved=*")
    notice = page.locator("p.notice.ok").first.inner_text()
    assert "browser-east" in notice, f"no saved notice: {notice!r}"
    assert page.locator("section.card").count() >= 1, "the itinerary has no trip"
    shoot(page, context, "organizer-tour-390")
    trip = page.locator("section.card").first
    trip.screenshot(path=os.path.join(context["output"], "organizer-tour-trip-390.png"))
    trip_text = trip.inner_text()
    assert re.search(r"\b(Sat|Sun) \d{1,2} Jun 2014\b", trip_text), f"no readable day: {trip_text[:200]!r}"
    assert not re.search(r"\d{4}-\d\d-\d\dT\d\d:", trip_text), f"a raw ISO instant: {trip_text[:300]!r}"
    with page.expect_download() as info:
        page.get_by_role("link", name="Calendar (ICS)").click()
    download = info.value
    assert download.suggested_filename == "browser-east-itinerary.ics", download.suggested_filename
    path = os.path.join(context["output"], download.suggested_filename)
    download.save_as(path)
    with open(path, encoding="utf-8") as file:
        text = file.read()
    assert text.startswith("BEGIN:VCALENDAR") and "BEGIN:VEVENT" in text, text[:200]
    check_no_horizontal_scroll(page, "/tours/browser-east at 390px")
    page.set_viewport_size(NARROW)
    check_no_horizontal_scroll(page, "/tours/browser-east at 320px")
    shoot(page, context, "organizer-tour-320")
    check_itinerary_html_reflows(browser, page, context, "/tours/browser-east/itinerary.html")
    page.close()


def check_itinerary_html_reflows(browser, page, context, path):
    """The printable itinerary (the page `tourplan itinerary --format html` writes, here the web
    app's download of it) reflows at 390 and 320 px: no horizontal scroll, the map inside the page."""
    response = page.request.get(context["url"] + path)
    assert response.ok, f"{path}: HTTP {response.status}"
    html = response.text()
    assert "<svg" in html and "<h2>Totals</h2>" in html, f"{path}: not the itinerary page: {html[:200]!r}"
    itinerary = browser.new_page(viewport=PHONE)
    itinerary.set_content(html)
    for viewport, width in ((PHONE, 390), (NARROW, 320)):
        itinerary.set_viewport_size(viewport)
        check_no_horizontal_scroll(itinerary, f"{path} at {width}px")
        right = itinerary.evaluate("document.querySelector('figure svg').getBoundingClientRect().right")
        assert right <= width, f"{path} at {width}px: the route map ends at {right}px"
        itinerary.screenshot(path=os.path.join(context["output"], f"organizer-itinerary-html-{width}.png"),
                             full_page=True)
    itinerary.close()


def scenario_organizer_pages_reflow_at_320(browser, context):
    page = sign_in(browser, context)
    for path in PAGES:
        page.set_viewport_size(PHONE)
        page.goto(context["url"] + path)
        assert page.locator("h1").count() == 1, f"{path}: no page title"
        name = path.strip("/")
        shoot(page, context, f"organizer-{name}-390")
        page.set_viewport_size(NARROW)
        check_no_horizontal_scroll(page, f"{path} at 320px")
        shoot(page, context, f"organizer-{name}-320")
        for button in page.locator("main button").all():
            box = button.bounding_box()
            if box:
                assert box["height"] >= 44, f"{path}: a button is {box['height']}px tall (under 44px)"
    page.close()
