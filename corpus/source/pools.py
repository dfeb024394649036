"""Slot fillers for the sentence templates: one entry per industry, plus people and dates.

Every value was written for this corpus. A template's slots are filled from one industry at a
time, so a sentence never mixes a hospital's topics with a warehouse's roles.
"""

INDUSTRIES = {
    "software": {
        "roles": [("Backend Engineer", "mid"), ("Software Engineering Intern", "intern"), ("Staff Platform Engineer", "senior"), ("Engineering Manager", "manager")],
        "companies": ["Brightloop", "Quillstack", "Northwind Labs"],
        "topics": ["the migration off the monolith", "your on-call rotation", "flaky integration tests", "the move to event-driven billing", "API rate limiting"],
        "projects": ["payments rewrite", "mobile app relaunch", "observability rollout"],
        "skills": ["building REST services in Go", "cutting CI times in half", "mentoring junior developers", "running incident reviews"],
        "tools": ["Kubernetes", "Terraform", "PostgreSQL"],
        "teams": ["platform team", "payments squad"],
    },
    "healthcare": {
        "roles": [("Registered Nurse", "mid"), ("Medical Billing Specialist", "mid"), ("Director of Nursing", "executive"), ("Patient Care Assistant", "entry")],
        "companies": ["Lumen Health", "St. Brigid's Hospital", "Cedar Valley Clinic"],
        "topics": ["the backlog of unfiled claims", "night-shift handovers", "patient falls on the ward", "the new triage protocol", "nurse retention"],
        "projects": ["electronic charting upgrade", "telehealth pilot", "discharge planning overhaul"],
        "skills": ["charting in Epic", "precepting new graduate nurses", "coding claims for Medicare", "running wound-care rounds"],
        "tools": ["Epic", "Cerner", "Pyxis"],
        "teams": ["cardiac step-down unit", "revenue cycle team"],
    },
    "education": {
        "roles": [("Year 5 Teacher", "mid"), ("Instructional Coach", "senior"), ("Teaching Assistant", "entry"), ("Assistant Principal", "manager")],
        "companies": ["Maplewood Academy", "Riverside Unified", "Oakfield Primary School"],
        "topics": ["reading interventions for struggling pupils", "your phones-away policy", "the new maths curriculum", "parent communication", "mixed-ability grouping"],
        "projects": ["literacy initiative", "after-school robotics club", "restorative behaviour programme"],
        "skills": ["teaching phonics to early readers", "running a student council", "planning differentiated lessons", "coaching new teachers"],
        "tools": ["Google Classroom", "Seesaw", "Canvas"],
        "teams": ["maths department", "early years team"],
    },
    "retail": {
        "roles": [("Store Manager", "manager"), ("Sales Associate", "entry"), ("Visual Merchandiser", "mid"), ("Regional Operations Director", "executive")],
        "companies": ["Harbor Goods", "Fernway Outfitters", "Petal & Pine"],
        "topics": ["holiday staffing", "shrink reduction", "the click-and-collect counter", "weekend footfall", "staff scheduling"],
        "projects": ["store refit", "loyalty programme launch", "self-checkout trial"],
        "skills": ["opening two new stores", "training seasonal staff", "running inventory counts", "raising average basket size"],
        "tools": ["Shopify POS", "Lightspeed", "the rostering app"],
        "teams": ["flagship store team", "merchandising team"],
    },
    "finance": {
        "roles": [("Financial Analyst", "mid"), ("Accounts Payable Clerk", "entry"), ("Chief Financial Officer", "executive"), ("Audit Intern", "intern")],
        "companies": ["Keystone Capital", "Marlow & Finch", "Evergreen Credit Union"],
        "topics": ["the month-end close", "variance reporting", "the shift to rolling forecasts", "vendor payment delays", "audit readiness"],
        "projects": ["ERP migration", "treasury automation", "cost-allocation model"],
        "skills": ["building three-statement models", "cutting the close from ten days to six", "reconciling intercompany accounts", "presenting to audit committees"],
        "tools": ["NetSuite", "SAP", "Power BI"],
        "teams": ["FP&A team", "controllership group"],
    },
    "government": {
        "roles": [("Policy Analyst", "mid"), ("Planning Officer", "mid"), ("Deputy Director", "executive"), ("Records Clerk", "entry")],
        "companies": ["the City of Ashford", "the Department of Transport", "Greenfield County Council"],
        "topics": ["the permit backlog", "public consultation", "the housing strategy", "open data requests", "accessibility audits"],
        "projects": ["digital permits service", "climate action plan", "records digitisation"],
        "skills": ["drafting briefing notes for ministers", "running public consultations", "managing FOI requests", "writing grant reports"],
        "tools": ["ArcGIS", "SharePoint", "Tableau"],
        "teams": ["planning department", "policy unit"],
    },
    "trades": {
        "roles": [("Journeyman Electrician", "mid"), ("Plumbing Apprentice", "entry"), ("Site Supervisor", "manager"), ("HVAC Technician", "mid")],
        "companies": ["Ridgeline Electric", "Patel & Sons Plumbing", "Summit Mechanical"],
        "topics": ["the hospital retrofit job", "your apprentice programme", "safety toolbox talks", "the panel upgrades", "call-out scheduling"],
        "projects": ["school rewiring contract", "heat pump installs", "warehouse fit-out"],
        "skills": ["wiring commercial panels", "reading blueprints", "leading a crew of six", "troubleshooting rooftop units"],
        "tools": ["the service van dispatch app", "Procore", "thermal cameras"],
        "teams": ["commercial crew", "service department"],
    },
    "hospitality": {
        "roles": [("Front Desk Supervisor", "mid"), ("Sous Chef", "mid"), ("General Manager", "executive"), ("Server", "entry")],
        "companies": ["The Linden Hotel", "Copper Kettle Bistro", "Bayview Resorts"],
        "topics": ["the brunch rush", "guest reviews", "late check-outs", "the seasonal menu", "staff turnover"],
        "projects": ["lobby bar reopening", "wedding season", "menu redesign"],
        "skills": ["running a 120-cover service", "training front desk staff", "handling VIP arrivals", "keeping food costs under 30 percent"],
        "tools": ["Opera PMS", "Toast", "OpenTable"],
        "teams": ["kitchen brigade", "front office team"],
    },
    "nonprofit": {
        "roles": [("Development Coordinator", "entry"), ("Program Manager", "manager"), ("Executive Director", "executive"), ("Volunteer Coordinator", "mid")],
        "companies": ["Open Table Food Bank", "Bright Futures Mentoring", "the River Trust"],
        "topics": ["donor retention", "the volunteer shortage", "your annual gala", "grant reporting", "the youth mentoring waitlist"],
        "projects": ["capital campaign", "community garden programme", "literacy outreach"],
        "skills": ["writing foundation grants", "recruiting volunteers", "running donor events", "managing a program budget"],
        "tools": ["Salesforce Nonprofit", "Bloomerang", "Mailchimp"],
        "teams": ["development team", "programs team"],
    },
    "law": {
        "roles": [("Paralegal", "entry"), ("Associate Attorney", "mid"), ("Legal Operations Manager", "manager"), ("General Counsel", "executive")],
        "companies": ["Hartley Voss LLP", "Beaumont & Reyes", "Clearwater Legal Aid"],
        "topics": ["the discovery workload", "contract review turnaround", "your pro bono clinic", "e-filing deadlines", "matter intake"],
        "projects": ["document management migration", "tenant rights clinic", "contract playbook"],
        "skills": ["drafting commercial leases", "managing discovery in large cases", "preparing trial binders", "negotiating vendor contracts"],
        "tools": ["Relativity", "Clio", "iManage"],
        "teams": ["litigation group", "corporate team"],
    },
    "design": {
        "roles": [("UX Designer", "mid"), ("Design Intern", "intern"), ("Head of Design", "executive"), ("Graphic Designer", "entry")],
        "companies": ["Studio Ferro", "Pixelmoor", "Kindred Creative"],
        "topics": ["the checkout redesign", "your design system", "accessibility in forms", "research with older users", "brand refresh"],
        "projects": ["design system rebuild", "onboarding flow", "packaging range"],
        "skills": ["running usability tests", "building component libraries", "designing for screen readers", "presenting concepts to clients"],
        "tools": ["Figma", "Adobe Illustrator", "Maze"],
        "teams": ["product design team", "brand studio"],
    },
    "science": {
        "roles": [("Research Associate", "mid"), ("Lab Technician", "entry"), ("Principal Scientist", "senior"), ("Postdoctoral Fellow", "mid")],
        "companies": ["Helix Bio", "the Whitmore Institute", "Arden Pharmaceuticals"],
        "topics": ["assay reproducibility", "the CRISPR screening work", "sample tracking", "grant timelines", "the new mass spec"],
        "projects": ["protein stability study", "biobank expansion", "high-throughput screen"],
        "skills": ["running qPCR assays", "maintaining cell lines", "writing analysis pipelines in R", "publishing in peer-reviewed journals"],
        "tools": ["Benchling", "FlowJo", "LIMS"],
        "teams": ["assay development group", "genomics core"],
    },
    "logistics": {
        "roles": [("Warehouse Supervisor", "manager"), ("Dispatcher", "mid"), ("Forklift Operator", "entry"), ("Head of Supply Chain", "executive")],
        "companies": ["Crossdock Freight", "Meridian Logistics", "Swiftline Couriers"],
        "topics": ["the peak-season volumes", "mis-picks", "driver retention", "the new cross-dock", "last-mile delays"],
        "projects": ["warehouse automation", "route optimisation", "returns centre"],
        "skills": ["running a night shift of forty", "cutting mis-picks", "planning routes", "forklift and reach-truck operation"],
        "tools": ["Manhattan WMS", "Samsara", "SAP EWM"],
        "teams": ["inbound team", "dispatch desk"],
    },
    "sales": {
        "roles": [("Account Executive", "mid"), ("Sales Development Rep", "entry"), ("VP of Sales", "executive"), ("Key Account Manager", "senior")],
        "companies": ["Vantage CRM", "Orbit Telecom", "Larkspur Software"],
        "topics": ["the mid-market push", "your discovery calls", "quota attainment", "the partner channel", "churn in the first year"],
        "projects": ["EMEA expansion", "new pricing tiers", "enterprise pilot programme"],
        "skills": ["closing six-figure deals", "building outbound sequences", "managing a book of eighty accounts", "coaching reps on discovery"],
        "tools": ["Salesforce", "HubSpot", "Gong"],
        "teams": ["mid-market team", "enterprise team"],
    },
    "manufacturing": {
        "roles": [("Quality Engineer", "mid"), ("Production Supervisor", "manager"), ("Plant Manager", "executive"), ("Machine Operator", "entry")],
        "companies": ["Norcastle Components", "Delta Precision", "Ironbridge Foods"],
        "topics": ["scrap rates on line 3", "the lean rollout", "changeover times", "supplier defects", "ISO 9001 recertification"],
        "projects": ["second shift launch", "automation cell", "plant expansion"],
        "skills": ["running root-cause analyses", "leading 5S programmes", "reducing scrap", "CNC programming"],
        "tools": ["Minitab", "SAP", "the MES"],
        "teams": ["quality team", "assembly line crew"],
    },
    "media": {
        "roles": [("Reporter", "mid"), ("Editorial Intern", "intern"), ("Managing Editor", "executive"), ("Video Producer", "mid")],
        "companies": ["The Harbour Gazette", "Northlight Media", "Signal Radio"],
        "topics": ["local election coverage", "the paywall", "your podcast plans", "fact-checking", "newsletter growth"],
        "projects": ["investigations desk", "video series", "newsletter relaunch"],
        "skills": ["covering city council", "editing on deadline", "producing short documentaries", "growing newsletter subscribers"],
        "tools": ["Premiere Pro", "WordPress", "Chartbeat"],
        "teams": ["metro desk", "audio team"],
    },
    "energy": {
        "roles": [("Field Service Technician", "mid"), ("Grid Planning Engineer", "senior"), ("Energy Analyst", "mid"), ("Operations Director", "executive")],
        "companies": ["Solace Renewables", "Northgrid Power", "Tidewater Energy"],
        "topics": ["interconnection queues", "turbine downtime", "battery storage sizing", "the safety record", "demand forecasting"],
        "projects": ["offshore wind bid", "substation upgrade", "smart meter rollout"],
        "skills": ["commissioning solar sites", "modelling load growth", "maintaining wind turbines", "writing safety procedures"],
        "tools": ["PSS/E", "SCADA", "PVsyst"],
        "teams": ["grid planning team", "field operations crew"],
    },
    "agriculture": {
        "roles": [("Farm Manager", "manager"), ("Agronomist", "mid"), ("Seasonal Harvest Worker", "entry"), ("Dairy Herd Manager", "senior")],
        "companies": ["Greenacre Farms", "Prairie Co-op", "Hollins Dairy"],
        "topics": ["soil health", "the irrigation upgrade", "harvest labour", "herd health records", "drought planning"],
        "projects": ["regenerative trial plots", "robotic milking install", "cold-storage expansion"],
        "skills": ["running a 400-acre rotation", "managing seasonal crews", "soil sampling", "herd health planning"],
        "tools": ["John Deere Operations Center", "FarmLogs", "DairyComp"],
        "teams": ["field crew", "dairy team"],
    },
    "real_estate": {
        "roles": [("Leasing Agent", "entry"), ("Property Manager", "mid"), ("Asset Manager", "senior"), ("Head of Acquisitions", "executive")],
        "companies": ["Crestview Properties", "Halden Estates", "Urbanline Realty"],
        "topics": ["tenant turnover", "the maintenance backlog", "rent collection", "the new build on Elm Street", "lease renewals"],
        "projects": ["portfolio refinancing", "student housing block", "resident app launch"],
        "skills": ["leasing up new buildings", "managing 300 units", "underwriting acquisitions", "handling tenant disputes"],
        "tools": ["Yardi", "AppFolio", "CoStar"],
        "teams": ["leasing team", "asset management team"],
    },
    "insurance": {
        "roles": [("Claims Adjuster", "mid"), ("Underwriting Assistant", "entry"), ("Actuarial Analyst", "mid"), ("Head of Claims", "executive")],
        "companies": ["Bellwether Mutual", "Anchorpoint Insurance", "Trident Assurance"],
        "topics": ["claims cycle time", "fraud flags", "the storm-season surge", "pricing models", "customer complaints"],
        "projects": ["claims portal", "pricing review", "fraud analytics pilot"],
        "skills": ["adjusting property claims", "building GLMs in Python", "handling complex complaints", "reviewing underwriting files"],
        "tools": ["Guidewire", "Duck Creek", "Emblem"],
        "teams": ["property claims team", "pricing team"],
    },
}

# (first name, surname, title) — many cultures; the title is used in formal greetings.
PEOPLE = [
    ("Maria", "Chen", "Ms."), ("Daniel", "Okafor", "Mr."), ("Priya", "Raman", "Dr."), ("Tomás", "Herrera", "Mr."),
    ("Aisha", "Bello", "Ms."), ("Graham", "Whitcombe", "Mr."), ("Yuki", "Tanaka", "Ms."), ("Olumide", "Adeyemi", "Dr."),
    ("Fatima", "Al-Sayed", "Ms."), ("Sean", "O'Connell", "Mr."), ("Ingrid", "Sørensen", "Ms."), ("Kwame", "Mensah", "Mr."),
    ("Lucía", "Fernández", "Ms."), ("Hiroshi", "Mori", "Mr."), ("Zanele", "Dlamini", "Ms."), ("Rahul", "Mehta", "Mr."),
    ("Chloe", "Dubois", "Ms."), ("Mateusz", "Kowalski", "Mr."), ("Leilani", "Kahale", "Ms."), ("Ethan", "Brooks", "Mr."),
    ("Nadia", "Petrova", "Dr."), ("Jamal", "Harris", "Mr."), ("Siobhan", "Walsh", "Ms."), ("Wei", "Zhang", "Dr."),
    ("Dana", "Whitfield", "Ms."), ("Alex", "Morgan", "Mx."), ("Beatriz", "Costa", "Ms."), ("Omar", "Haddad", "Mr."),
]

CANDIDATES = [
    "Jordan Lee", "Luis Ortega", "Amara Nwosu", "Hannah Kim", "Rohan Iyer", "Emily Carter", "Kenji Watanabe",
    "Sofia Rossi", "Tariq Aziz", "Grace O'Brien", "Mei Lin", "Diego Alvarez", "Chidi Eze", "Laura Schmidt",
    "Noah Goldberg", "Ayesha Khan", "Pedro Santos", "Freya Lindqvist", "Marcus Johnson", "Anh Nguyen",
    "Oliver Bennett", "Zara Ahmed", "Ivan Novak", "Isabel Moreno",
]

DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]
WHEN = ["yesterday", "this morning", "today", "on Tuesday", "on Thursday afternoon", "last week", "on Friday"]
DATES = ["March 3", "the 14th", "May 21", "June 9", "October 2", "the 28th", "April 17", "next Monday"]
PHONES_US = ["(555) 201-3344", "555-867-0192", "+1 415 555 0147", "(312) 555-0188"]
PHONES_UK = ["07700 900123", "+44 7700 900456", "0161 496 0732", "020 7946 0881"]
NUMBERS = ["two", "three", "four", "five", "six", "seven", "eight", "ten", "twelve"]
