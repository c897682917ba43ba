"""A treasurer opens the demo tour's budget, adds an expense and deletes it, and sees the variance change."""
import os
import re

PHONE = {"width": 390, "height": 844}
NARROW = {"width": 320, "height": 740}
TOUR = "east-coast-2014"


def check_no_horizontal_scroll(page, what):
    width, inner = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
    assert width <= inner, f"{what}: page is {width}px wide in a {inner}px viewport (horizontal scroll)"


def shoot(page, context, name):
    page.screenshot(path=os.path.join(context["output"], name + ".png"))


def check_both_widths(page, context, name):
    """Screenshot at 390 px, then check the page reflows at 320 px (and screenshot that too)."""
    page.set_viewport_size(PHONE)
    shoot(page, context, name + "-390")
    page.set_viewport_size(NARROW)
    check_no_horizontal_scroll(page, f"{name} at 320px")
    shoot(page, context, name + "-320")
    page.set_viewport_size(PHONE)


def lodging_variance(page):
    row = page.get_by_role("region", name="Planned vs actual").get_by_role("row").filter(has_text="Lodging")
    return row.locator("td").nth(2).inner_text().strip()


def sign_in(page, context):
    page.goto(context["url"] + "/budget")
    assert page.url.endswith("/login?next=%2Fbudget"), f"anonymous /budget should go to /login?next=%2Fbudget, went to {page.url}"
    page.get_by_label("Username").fill(context["treasurer"])
    page.get_by_label("Password").fill(context["password"])
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_load_state()


def scenario_treasurer_adds_and_deletes_an_expense(browser, context):
    page = browser.new_page(viewport=PHONE)
    sign_in(page, context)
    # By name: other scenarios (the organizer's) may save tours of their own before this one.
    page.goto(context["url"] + "/budget?tour=" + TOUR)
    assert page.get_by_role("heading", name=f"Tour {TOUR}").is_visible(), "the demo tour is not on /budget"
    scenarios = page.get_by_role("region", name="Scenarios side by side")
    headers = scenarios.get_by_role("columnheader").all_inner_texts()
    assert len(headers) >= 3 and headers[1] == "base", f"scenarios are not side by side: {headers}"
    assert "Still to raise" in scenarios.inner_text(), "no funding gap row on /budget"
    check_both_widths(page, context, "budget")

    page.goto(context["url"] + "/expenses?tour=" + TOUR)
    before = lodging_variance(page)
    check_both_widths(page, context, "expenses")
    # Four money columns do not fit 320 px: on a phone each line is a card, nothing is cut off.
    page.set_viewport_size(NARROW)
    region = page.get_by_role("region", name="Planned vs actual")
    assert region.evaluate("e => e.scrollWidth <= e.clientWidth"), "Planned vs actual scrolls sideways at 320px"
    assert lodging_variance(page) == before, "the lodging variance reads differently as a card"
    page.set_viewport_size(PHONE)

    form = page.get_by_role("region", name="Add an expense")
    form.get_by_label("Date").fill("2014-06-21")
    form.get_by_label("Category").select_option("lodging")
    form.get_by_label("Amount").fill("100.00")
    form.get_by_label("Note (optional)").fill("browser test motel")
    form.get_by_role("button", name="Add expense").click()
    page.wait_for_load_state()
    notice = page.get_by_role("status").first.inner_text()
    assert "Added expense" in notice, f"no confirmation after adding: {notice!r}"
    added = lodging_variance(page)
    assert added != before, f"the lodging variance did not change after adding $100: {before!r} → {added!r}"
    print(f"  lodging variance: {before} → {added}")
    page.reload()  # a refresh after the redirect must not add it again
    assert page.get_by_role("row").filter(has_text="browser test motel").count() == 1, "the refresh added it again"
    check_both_widths(page, context, "expenses-after-add")

    row = page.get_by_role("row").filter(has_text="browser test motel")
    row.get_by_role("link", name="Edit expense").click()
    page.wait_for_load_state()
    assert page.get_by_label("Amount").input_value() == "100.00", "the edit form does not start with the expense"
    check_both_widths(page, context, "expense-edit")
    receipt = page.get_by_role("region", name="Receipt")
    receipt.screenshot(path=os.path.join(context["output"], "expense-edit-receipt-390.png"))
    upload = page.get_by_label("Receipt file")
    assert upload.count() == 1, f"{upload.count()} controls are labelled “Receipt file”"
    assert page.get_by_text("Upload receipt").count() == 1, "“Upload receipt” is shown more than once"
    labels = page.evaluate(
        """[...document.querySelectorAll('input:not([type=hidden]), select, textarea')].map(
             c => [c.id, c.labels ? c.labels.length : 0])""")
    unlabelled = [c for c in labels if c[1] != 1]
    assert not unlabelled, f"controls without exactly one label: {unlabelled}"
    page.go_back()
    page.wait_for_load_state()

    row = page.get_by_role("row").filter(has_text="browser test motel")
    row.get_by_role("link", name="Delete expense").click()
    page.wait_for_load_state()
    check_both_widths(page, context, "expense-delete")
    page.get_by_role("button", name="Delete expense").click()
    page.wait_for_load_state()
    notice = page.get_by_role("status").first.inner_text()
    assert "Deleted expense" in notice, f"no confirmation after deleting: {notice!r}"
    after = lodging_variance(page)
    assert after == before, f"the lodging variance is {after!r} after the delete, {before!r} before the add"
    assert page.get_by_role("row").filter(has_text="browser test motel").count() == 0, "the expense is still listed"
    shoot(page, context, "expenses-after-delete-390")
    # Undo brings it back with its variance; deleting it again leaves the tour as it was.
    page.get_by_role("button", name=re.compile(r"^Undo: restore expense \d+$")).click()
    page.wait_for_load_state()
    notice = page.get_by_role("status").first.inner_text()
    assert "Restored expense" in notice, f"no confirmation after the undo: {notice!r}"
    assert lodging_variance(page) == added, "the undo did not bring the lodging variance back"
    shoot(page, context, "expenses-after-undo-390")
    row = page.get_by_role("row").filter(has_text="browser test motel")
    row.get_by_role("link", name="Delete expense").click()
    page.wait_for_load_state()
    page.get_by_role("button", name="Delete expense").click()
    page.wait_for_load_state()
    assert lodging_variance(page) == before, "the second delete did not take the expense out"
    page.close()


def scenario_treasurer_refused_form_keeps_values(browser, context):
    page = browser.new_page(viewport=PHONE)
    sign_in(page, context)
    page.goto(context["url"] + "/expenses?tour=" + TOUR)
    form = page.get_by_role("region", name="Add an expense")
    form.get_by_label("Date").fill("2014-06-22")
    form.get_by_label("Category").select_option("fuel")
    form.get_by_label("Amount").fill("12.345")
    form.get_by_label("Trip (optional)").fill("Boston")
    form.get_by_role("button", name="Add expense").click()
    page.wait_for_load_state()
    alert = page.get_by_role("alert").first.inner_text()
    assert "Amount" in alert, f"the refusal does not name the amount: {alert!r}"
    assert page.get_by_label("Amount").input_value() == "12.345", "the typed amount was not kept"
    assert page.get_by_label("Trip (optional)").input_value() == "Boston", "the typed trip was not kept"
    check_both_widths(page, context, "expenses-refused")
    page.close()
