/// The longer help of the CLI's commands: the prose that explains the library's rules (day
/// rules, the ranking model, the reminder rhythm, import formats), kept here beside the rules
/// so the wording changes with them. The CLI shows each text under its command's `--help`.
public enum CommandHelp {
    /// `tourplan budget actuals add --help`: its discussion.
    public static let budgetActualsAdd = """
        All-or-nothing: one bad row records nothing, and every bad row is named (file, line, field, value). \
        An expense is its content plus its occurrence among identical rows of the file: re-importing a \
        file, or the file with rows appended, records only what is new; two identical rows stay two.

        receipt: a reference (R-2), yes, or no/empty (missing). Categories: \(ActualExpense.categories.joined(separator: ", ")).
        """

    /// `tourplan budget report --help`: its discussion.
    public static let budgetReport = """
        With --plan, days, nights (and which ones members host) and distances come from the plan; \
        without, from the template's [counts]. --scenario applies one [scenarios.NAME] table; \
        --compare shows every scenario beside the base; with --plan, scenario keys the plan sets \
        ([counts], lodging.hosted_nights) are named as replaced. Counts that contradict each other \
        are warned about on stderr. The tour's recorded actuals (`tourplan budget actuals add`; the \
        tour is --tour, else the template's file name without .toml) are shown against the plan, \
        converted at each expense's recorded rate. See Budgets/README.md.
        """

    /// `tourplan budget init --help`: its discussion.
    public static let budgetInit = """
        With --from-plan, [counts] are the plan's (trainings, travel days, nights, hosted nights, km, trips, \
        members reached). Refuses to overwrite an existing file unless --force, and never writes over the plan.
        """

    /// `tourplan calls log --help`: its discussion.
    public static let callsLog = """
        no-answer and voicemail retry in a later window; rsvp-no cancels the remaining reminders; wrong-number \
        flags the phone; do-not-contact opts the member out of every list. Logging the same outcome again for \
        the same attempt is reported and not stored. --file takes a CSV with the columns task,outcome,note \
        (attempt optional): every line is checked first, and nothing is recorded if one is wrong.
        """

    /// `tourplan calls`: its abstract.
    public static let calls = "Volunteers' call sheets and outcomes."

    /// `tourplan calls list --volunteer`: its help.
    public static let callsListVolunteer =
        "Volunteer name, or the start of it (any case) when only one volunteer's name starts so."

    /// `tourplan calls log --outcome`: its help.
    public static let callsLogOutcome =
        "reached, voicemail, no-answer, wrong-number, rsvp-yes, rsvp-no or do-not-contact."

    /// `tourplan calls undo --help`: its abstract.
    public static let callsUndoAbstract = "Undo the latest outcome logged for a task (a mis-tapped button)."

    /// `tourplan calls undo --help`: its discussion.
    public static let callsUndo = """
        The task is back as it was before the outcome (pending, its attempt count): a retry it scheduled \
        is removed, texts an rsvp-yes released wait for a yes again, tasks an rsvp-no cancelled are open \
        again. An opt-out is never lifted: after do-not-contact the member stays opted out (only `tourplan \
        members consent` lifts it), after wrong-number the phone stays flagged, and the tasks either cancelled \
        stay cancelled. Refused when the task has no outcome or a later outcome depends on this one (undo that \
        first). The outcome is kept, marked undone; run again to undo the one before.
        """

    /// `tourplan cities route --help`: its discussion.
    public static let citiesRoute = """
        FROM and TO are place strings as for `cities resolve` ("Boston, MA"). Hours are typical \
        driving without traffic; with --traffic-margin F the table also shows them with that margin, \
        as `tour plan --traffic-margin F` plans them. With --matrix FILE, a pair the matrix lists (by the places' resolved names) comes \
        from the matrix ("source": "matrix"). A model leg whose straight line crosses 25 km or \
        more of open water is shown with a warning (the road goes around it, or a ferry or tunnel crosses it); one to \
        another landmass (Hawaii, Corsica, Crete, Tasmania from a mainland) has no road and is refused. A \
        matrix leg silences both.
        """

    /// `tourplan members --help`: its discussion.
    public static let members = "Without --by, prints the totals and every breakdown (country, chapter, raw city)."

    /// `tourplan members consent --help`: its discussion.
    public static let membersConsent = """
        Without options, prints the member's flags and consent history. Opt-outs from imports, volunteers' \
        do-not-contact outcomes and STOP replies are kept across re-imports; only the --allow-… options lift one, \
        and every change is logged (who, what, when, source). --db and --format are those of `tourplan members` \
        (e.g. tourplan members consent 1042 --db t.sqlite --format json).
        """

    /// `tourplan cities resolve --help`: its discussion.
    public static let citiesResolve =
        "TEXT is \"City\", \"City, Region\" or \"City, Region, Country\", e.g. \"Cinncinati, OH\"."

    /// `tourplan texts list --help`: its discussion.
    public static let textsList =
        "--format spoke writes Spoke's contact upload CSV (firstName,lastName,cell,zip,external_id + message fields)."

    /// `tourplan demo --help`: its discussion.
    public static let demo = """
        Import the bundled, fictional sample export → resolve places → rank metros → plan the 2014 East Coast tour \
        from New York (Baltimore, Boston with Cambridge, Philadelphia, Washington DC) over summer 2014 weekends, by \
        the default day rules with Friday evenings allowed as travel days → \
        budget it with Budgets/east-coast-2014.toml → schedule the reminder calls and texts → write every \
        result into DIR → add web app accounts (organizer, treasurer, a volunteer each) and print their one-time \
        sign-in links. Runs offline; the database is DIR/tourplan.sqlite (use it with --db for any command, and \
        with `tourplan serve --db`).
        """

    /// `tourplan import --help`: its discussion.
    public static let importMembers = """
        Each file is one transaction: with more errors than --max-errors nothing of that file is \
        written. Re-importing an export updates members in place (key: member id, else e-mail). \
        The column mapping is detected from the header (the website's own export, or a preset for \
        Action Network, NationBuilder, CiviCRM, Mobilize, Spoke, OSDI, EveryAction, Solidarity Tech); \
        --preset or --map FILE forces one.
        """

    /// `tourplan itinerary --help`: its discussion.
    public static let itinerary = """
        md and html: per trip and day, every drive, training and night (html is one self-contained printable file \
        with an offline SVG route map); ics: RFC 5545 calendar with time zones and stable UIDs; geojson: RFC 7946 \
        points and lines; json: the itinerary for other programs (README "Itinerary JSON").
        """

    /// `tourplan markers --help`: its discussion.
    public static let markers = """
        Online members, chapters that meet the definition (\(MarkerSettings.bundledChapterRule) \
        among those with a stated gender), and continents with such chapters, with what each \
        near-miss chapter still needs. Targets and the definition come from a settings file \
        (the bundled markers.toml unless --settings FILE is given).
        """

    /// `tourplan rank --help`: its discussion.
    public static let rank = """
        The default ranking is by unaffiliated members, ties broken by organizers, then hosts, then name; \
        --by chapters orders by each metro's chance that a training founds a chapter (README "Chapter \
        model"), shown beside the counts in every order. \
        Weights from --weights FILE or --weight NAME=VALUE (names: \(RankingWeights.keys.joined(separator: ", "))) \
        add the other factors; every component is shown. See README "Ranking model".
        """

    /// `tourplan remind schedule --help`: its discussion.
    public static let remindSchedule = """
        Re-running after a new plan or import updates tasks in place (ids are event/member/kind): it never \
        duplicates them and never loses recorded outcomes. Members with no phone or opted out are reported.
        """

    /// `tourplan serve --help`: its discussion.
    public static let serve = """
        Serves the store's pages on http://HOST:PORT (loopback by default). Phones reach it through a \
        reverse proxy with TLS: pass --secure-cookies there, and --trust-proxy when the proxy sets \
        X-Forwarded-For (see README "Web app"). SIGTERM or Ctrl-C stops it after in-flight requests.
        """

    /// `tourplan solve --help`: its discussion.
    public static let solve = """
        Detects the kind from the file. Prints `cost <number>` (TSP tour length in TSPLIB units; VRPTW total \
        distance with distances and times truncated to 0.1; OPTW collected score), then one route per line as \
        node ids — the contract of ../shared/bench/README.md, so the engine can be measured beside other solvers.
        """

    /// `tourplan tour plan --help`: its discussion.
    public static let tourPlan = """
        Stops come from the store's metros (`tourplan rank`): --stops NAME… picks them by metro or city \
        name, --top N takes the N best-ranked metros with unaffiliated members (default 5) that a trip can \
        reach under the day rules, excluding the base's own metro, and says which higher-ranked ones it \
        skipped and why. Trips leave the base and come back within one run of allowed days (Saturday and \
        Sunday by default), with at most one training a day, and every day passes the day rules: no \
        departure before --earliest-departure, no arrival after --latest-arrival (local times), at most \
        --max-drive-hours of driving and --max-working-hours of driving plus training, trainings starting \
        within --training-start. Day rules come from the defaults, then --settings FILE, then these flags, \
        then each team's own keys in --teams. See README "Day rules" and "Tour planning".
        """

    /// `tourplan trainings --help`: its discussion.
    public static let trainings = """
        Ranking and planning use the fitted response and retention rates once any training is recorded \
        (README "Chapter model").
        """

    /// `tourplan --help`: its discussion.
    public static let tourplan = """
        Commands that use the store take --db PATH (default: $TOURPLAN_DB, else ./tourplan.sqlite).

        Exit status: 0 success, 1 data error (message on stderr), 64 usage mistake.
        """

    // Options whose help names the library's choices or is too long for one line of a command.

    /// `tourplan import --preset`: the built-in presets.
    public static let importPreset =
        "Force a built-in column preset: \(ColumnMapping.presets.map(\.name).joined(separator: ", ")) (any case; action-network and action_network work too)."

    /// `tourplan tour plan --training-start`.
    public static let tourTrainingStart = "Training start: HH:MM fixed, or a window HH:MM-HH:MM (default 09:00-13:00)."

    /// `tourplan tour plan --travel-days`.
    public static let tourTravelDays =
        "Weekdays to drive the evening before a run of allowed days, e.g. fri (default none)."

    /// `tourplan tour plan --rates`.
    public static let tourRates =
        "Price --budget with this budget template's rates instead (per km, night, trip, training)."

    /// `tourplan tour plan --traffic-margin`.
    public static let tourTrafficMargin =
        "Plan drives this fraction longer than the no-traffic model (e.g. 0.15 for 15%)."

    /// `tourplan tour plan --seed`.
    public static let tourSeed = "Random seed (the planner is exact and deterministic; kept for reproducibility)."

    /// `tourplan tour plan --save`.
    public static let tourSave =
        "Also save the plan in the store as tour NAME (a new name, or one saved with a budget only)."

    /// `tourplan budget TEMPLATE --save`.
    public static let budgetSave =
        "Also save the template in the store as tour NAME (a new name, or one saved with a plan only)."

    /// `tourplan budget TEMPLATE --replace`.
    public static let budgetReplace = "With --save: replace the budget template already saved as tour NAME."

    /// `tourplan tour plan --replace`.
    public static let tourReplace = "With --save: replace the plan already saved as tour NAME."

    /// `tourplan users add`: its abstract.
    public static let usersAdd =
        "Create an account; prints a one-time sign-in link (7 days) unless --password-stdin."

    /// `tourplan users add --password-stdin`.
    public static let usersPasswordStdin =
        "Read the password from standard input (first line) instead of printing a link."

    /// `tourplan users reset`: its abstract.
    public static let usersReset =
        "Clear an account's password, end its sessions and print a new one-time sign-in link."

    /// `tourplan users add|reset --base-url`.
    public static let usersBaseURL = "The web app's address (welcome links start with it)."

    /// `tourplan tour list`: its abstract.
    public static let tourList =
        "List the saved tours: plan dates, trips, trainings, stops, budget template and expenses."

    /// `tourplan tour delete`: its abstract.
    public static let tourDelete =
        "Delete a saved tour with its plan and budget template (refused while expenses belong to it)."

    /// `tourplan events delete`: its abstract.
    public static let eventsDelete =
        "Delete an event and its reminder tasks (refused once call outcomes are recorded for them)."

    /// `tourplan tour plan --objective`: what each objective plans for.
    public static let tourObjective = """
        all: visit every stop at least cost; value: choose stops to maximize value within the limits; \
        chapters: choose stops and visit kinds (in person, follow-up, remote) for the most expected chapters.
        """

    /// `tourplan calls list --format`: what each format is for.
    public static let callsListFormat =
        "Output format (csv is safe to open in a spreadsheet; html is printable with tel: links; ics for a calendar)."

    /// `tourplan budget actuals add --rate`: the exchange rate's form.
    public static let actualsRate =
        "Exchange rate for expenses paid in another currency: CODE=RATE, budget-currency units per unit paid (EUR=1.08)."

    /// `tourplan calls list`: its abstract.
    public static let callsList = "One volunteer's calls and texts for a day (the volunteer's local date)."

    /// `tourplan trainings fit`: its abstract.
    public static let trainingsFit = "Estimate the response and retention rates from the recorded trainings."

    /// `tourplan budget actuals list`: its abstract.
    public static let actualsList = "Recorded expenses with their ids (for edit and delete)."

    /// `tourplan budget actuals edit`: its abstract.
    public static let actualsEdit = "Correct a recorded expense; give only the fields to change."

    /// `tourplan budget actuals restore`: its abstract.
    public static let actualsRestore = "Bring back deleted expenses (all or none)."

    /// `tourplan budget actuals import` (the earlier spelling of `add`): its abstract.
    public static let actualsImport = "The same as `budget actuals add`."

    /// `tourplan tour plan`: its abstract.
    public static let tourPlanAbstract = "Plan dated weekend road trips to the chosen metros and write PLAN.json."

    /// `tourplan tour`: its abstract.
    public static let tour = "Plan the chapter-building tour."
}
