"""A volunteer signs in on a phone, logs three outcomes and sees the list change."""
import os
import re

PHONE = {"width": 390, "height": 844}
NARROW = {"width": 320, "height": 740}


def check_no_horizontal_scroll(page, what):
    width, inner = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
    assert width <= inner, f"{what}: page is {width}px wide in a {inner}px viewport (horizontal scroll)"


def shoot(page, context, name):
    # The first screen (what a phone shows), not the whole list.
    page.screenshot(path=os.path.join(context["output"], name + ".png"))


def scenario_volunteer_logs_three_outcomes(browser, context):
    page = browser.new_page(viewport=PHONE)
    page.goto(context["url"] + "/calls")
    assert page.url.endswith("/login?next=%2Fcalls"), f"anonymous /calls should go to /login?next=%2Fcalls, went to {page.url}"
    shoot(page, context, "login-390")
    page.get_by_label("Username").fill(context["user"])
    page.get_by_label("Password").fill(context["password"])
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url("**/calls")
    page.goto(context["url"] + "/calls?date=" + context["day"])
    cards = page.locator("section.card")
    before = cards.count()
    assert before >= 3, f"expected at least 3 tasks on {context['day']}, found {before}"
    shoot(page, context, "calls-390")
    logged = []
    for index, outcome in enumerate(["Reached", "Voicemail", "RSVP yes"]):
        card = page.locator("section.card").first
        logged.append(card.locator("form").first.get_attribute("action"))
        card.get_by_label("Note (optional)").fill(f"browser test {index + 1}")
        card.get_by_role("button", name=outcome, exact=True).click()
        page.wait_for_load_state()
        notice = page.locator("p.notice.ok").first.inner_text()
        assert "Saved:" in notice and "Next step:" in notice, f"no confirmation after {outcome}: {notice!r}"
        print(f"  after {outcome}: {notice}")
        shoot(page, context, f"calls-after-{index + 1}-390")
        # A refresh (GET after the redirect) must not log again.
        page.reload()
    after = page.locator("section.card").count()
    actions = [form.get_attribute("action") for form in page.locator("section.card form").all()]
    assert after < before, f"the list did not change: {before} tasks before, {after} after"
    assert logged[0] not in actions, f"the task logged Reached ({logged[0]}) is still on the list"
    page.set_viewport_size(NARROW)
    check_no_horizontal_scroll(page, "/calls at 320px")
    shoot(page, context, "calls-320")
    page.goto(context["url"] + "/texts?date=" + context["day"])
    check_no_horizontal_scroll(page, "/texts at 320px")
    shoot(page, context, "texts-320")
    page.goto(context["url"] + "/login")
    page.close()


def scenario_login_reflows_at_320(browser, context):
    page = browser.new_page(viewport=NARROW)
    page.goto(context["url"] + "/login")
    check_no_horizontal_scroll(page, "/login at 320px")
    button = page.get_by_role("button", name="Sign in").bounding_box()
    assert button and button["height"] >= 44, f"Sign in button is {button} (under 44px)"
    shoot(page, context, "login-320")
    page.close()


def scenario_volunteer_finds_another_day(browser, context):
    """A day with nothing to do links the nearest day with calls; the day field fits 320 px."""
    page = browser.new_page(viewport=NARROW)
    page.goto(context["url"] + "/login?next=/calls%3Fdate%3D2000-01-01")
    page.get_by_label("Username").fill(context["user"])
    page.get_by_label("Password").fill(context["password"])
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url("**/calls?date=2000-01-01")
    assert "Nothing to do on this day." in page.locator("main").inner_text()
    check_no_horizontal_scroll(page, "/calls (empty day) at 320px")
    button = page.get_by_role("button", name="Show", exact=True).bounding_box()
    field = page.get_by_label("Show another day").bounding_box()
    assert button and field and button["height"] <= field["height"] + 1, f"Show wraps: {button} beside {field}"
    shoot(page, context, "calls-empty-day-320")
    page.get_by_role("link", name=re.compile(r"^Your next calls: ")).click()
    page.wait_for_load_state()
    assert page.locator("section.card").count() >= 1, f"the next day with calls has none: {page.url}"
    page.get_by_label("Show another day").fill(context["day"])
    page.get_by_role("button", name="Show", exact=True).click()
    page.wait_for_url(f"**/calls?date={context['day']}")
    page.close()
