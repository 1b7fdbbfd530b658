"""Demo how-it-works explainers and their glossary, in plain English, with Spanish.

Prose and data only, no logic: the explainers' steps and their Spanish text.
"""

GLOSSARY = [
    (
        "variance",
        "Permission to build or use land in a way the zoning code does not "
        "normally allow, for example closer to the property line.",
    ),
    ("zoning", "City rules about what can be built where, and how it can be used."),
    (
        "public hearing",
        "A meeting where anyone can tell decision makers what they think before a vote.",
    ),
    ("appeal", "Asking a higher body to change a decision."),
    (
        "Truth in Taxation",
        "The yearly hearing in December where the City explains how the "
        "budget affects property taxes and hears from residents.",
    ),
    ("levy", "The total amount of money the City collects from property taxes."),
    ("testify", "To speak or write to decision makers about an issue before they decide."),
]

EXPLAINERS = [
    {
        "slug": "zoning-variance",
        "title": "How a zoning variance is decided",
        "intro": "Zoning rules say what you can build on your land. A variance lets you "
        "break one of these rules a little. Here is how the City decides, and when you can "
        "speak up.",
        "owner": "Department of Safety and Inspections, Zoning",
        "topics": "land-use,housing",
        "glossary": ["variance", "zoning", "public hearing", "appeal"],
        "steps": [
            {
                "title": "Talk to zoning staff",
                "who": "City zoning staff",
                "duration": "A few days",
                "what": "<p>The owner talks to City zoning staff first. Staff explain the rules "
                "and if a variance is needed.</p>",
                "say": "<p>Neighbors can ask the owner about the plan at any time.</p>",
                "actions": ["contact"],
                "pages": ["services"],
            },
            {
                "title": "The owner applies",
                "who": "The property owner",
                "duration": "One day to apply",
                "what": "<p>The owner fills out the form and pays a fee. They explain why the "
                "rule is hard to follow on their land.</p>",
                "actions": [],
            },
            {
                "title": "Neighbors get a notice",
                "who": "City zoning staff",
                "duration": "About two weeks before the hearing",
                "what": "<p>The City mails a notice to nearby owners. It tells you the date of "
                "the public hearing. The district council also gets the notice.</p>",
                "say": "<p>Read the notice. Ask your district council to talk about it at their "
                "meeting.</p>",
                "actions": ["contact", "attend"],
                "joined": "and",
            },
            {
                "title": "The district council may weigh in",
                "who": "The district council board",
                "duration": "One meeting",
                "what": "<p>The district council can vote to support or oppose the variance. "
                "It sends its view to the City.</p>",
                "say": "<p>Go to the council meeting and speak.</p>",
                "actions": ["attend"],
            },
            {
                "title": "The Board of Zoning Appeals holds a public hearing",
                "who": "The Board of Zoning Appeals",
                "duration": "One meeting",
                "what": "<p>The board listens to the owner, staff and neighbors. Then it votes "
                "yes or no. It can also add conditions.</p>",
                "say": "<p>Speak at the hearing, or send a letter or email before it.</p>",
                "actions": ["testify", "comment"],
            },
            {
                "title": "Anyone can appeal",
                "who": "The City Council",
                "duration": "A few weeks",
                "what": "<p>If you disagree with the board, you can appeal to the City Council. "
                "There is a short deadline. The notice tells you how.</p>",
                "say": "<p>File an appeal on time, or testify at the City Council hearing.</p>",
                "actions": ["testify"],
            },
        ],
    },
    {
        "slug": "city-budget",
        "title": "The city budget and when to weigh in",
        "intro": "Each year the City decides how to spend money on things like parks, "
        "libraries, streets and safety. Here is the yearly plan, and the best times to "
        "have your say.",
        "owner": "Office of Financial Services",
        "topics": "budget",
        "glossary": ["levy", "Truth in Taxation", "public hearing"],
        "steps": [
            {
                "title": "Departments plan their needs",
                "who": "City departments and the Mayor",
                "duration": "Spring and summer",
                "what": "<p>Each department says what it needs for next year. The Mayor's team "
                "weighs the needs against the money the City expects.</p>",
                "say": "<p>Tell your district council and your council member what matters to "
                "you.</p>",
                "actions": ["contact"],
            },
            {
                "title": "The Mayor proposes a budget",
                "who": "The Mayor",
                "duration": "August",
                "what": "<p>In August the Mayor shares a proposed budget and a top limit for "
                "the tax levy.</p>",
                "say": "<p>Read the plan. It is posted on the City's website.</p>",
                "actions": [],
            },
            {
                "title": "The City Council reviews it",
                "who": "The City Council",
                "duration": "September to November",
                "what": "<p>Council members study the plan in public meetings. Departments "
                "answer questions. Council members can suggest changes.</p>",
                "say": "<p>Email or call your council member. Go to a listening session.</p>",
                "actions": ["contact", "attend", "comment"],
            },
            {
                "title": "Truth in Taxation hearing",
                "who": "The City Council",
                "duration": "December",
                "what": "<p>In November you get a notice of your proposed property tax. In "
                "December the City holds the Truth in Taxation hearing.</p>",
                "say": "<p>Speak at the hearing, or send written comments before it.</p>",
                "actions": ["testify", "comment"],
            },
            {
                "title": "The Council adopts the budget",
                "who": "The City Council",
                "duration": "December",
                "what": "<p>In December the Council votes on the final budget and levy. The "
                "budget starts on January 1.</p>",
                "say": "<p>Watch the vote in person or online.</p>",
                "actions": ["attend"],
            },
        ],
    },
    {
        "slug": "testify-at-a-public-hearing",
        "title": "How to testify at a public hearing",
        "intro": "At a public hearing, anyone can tell the City Council what they think "
        "before it votes. You can speak in person or send your comments in writing.",
        "owner": "City Council Office",
        "topics": "land-use,budget",
        "glossary": ["public hearing", "testify"],
        "steps": [
            {
                "title": "Find the hearing",
                "who": "City Council Office",
                "duration": "Check a week or two ahead",
                "what": "<p>Hearings are listed on the City Council agenda. The agenda says "
                "the topic, day and time.</p>",
                "say": "<p>Call the City Council Office at 651-266-8560 if you cannot find it.</p>",
                "actions": ["contact"],
            },
            {
                "title": "Send written comments",
                "who": "You",
                "duration": "Before the hearing",
                "what": "<p>You can send a letter or email. Say which item you are writing "
                "about. Give your name and address.</p>",
                "say": "<p>Your comments go into the public record.</p>",
                "actions": ["comment"],
                "joined": "or",
            },
            {
                "title": "Speak in person",
                "who": "You",
                "duration": "A few minutes",
                "what": "<p>Go to the hearing at City Hall, 15 West Kellogg Boulevard. Sign in. "
                "When your name is called, say your name and address. Then share your view. "
                "Keep it short.</p>",
                "say": "<p>Ask for an interpreter or other help ahead of time.</p>",
                "actions": ["testify", "attend"],
            },
            {
                "title": "The Council decides",
                "who": "The City Council",
                "duration": "The same day, or a later meeting",
                "what": "<p>The Council closes the hearing and votes. Sometimes it waits and "
                "votes at a later meeting.</p>",
                "say": "<p>Watch the vote. Contact your council member after.</p>",
                "actions": ["attend", "contact"],
            },
        ],
    },
    {
        "slug": "after-you-report-a-problem",
        "title": "What happens after you report a problem",
        "intro": "You can tell the City about a pothole, trash, graffiti or another problem "
        "that is not an emergency. Here is what happens next. In an emergency, call 911.",
        "owner": "Resident and Employee Services",
        "topics": "neighborhood,transportation",
        "glossary": [],
        "steps": [
            {
                "title": "You report the problem",
                "who": "You",
                "duration": "A few minutes",
                "what": "<p>Call 651-266-8989 or report it online. Say what the problem is and "
                "where it is.</p>",
                "say": "<p>Ask for your request number and write it down.</p>",
                "actions": ["contact"],
                "pages": ["services"],
            },
            {
                "title": "Staff send it to the right team",
                "who": "City staff",
                "duration": "One or two work days",
                "what": "<p>Staff read your report. They send it to the team that fixes that "
                "kind of problem.</p>",
                "actions": [],
            },
            {
                "title": "The team checks the problem",
                "who": "The City department",
                "duration": "Days to weeks",
                "what": "<p>The team looks at the problem. Some fixes are fast. Bigger jobs "
                "are planned for later.</p>",
                "say": "<p>Call back with your request number to ask how it is going.</p>",
                "actions": ["contact"],
            },
            {
                "title": "The problem is fixed or explained",
                "who": "The City department",
                "duration": "Depends on the job",
                "what": "<p>The team fixes the problem. If they cannot, they tell you why.</p>",
                "say": "<p>If it is not fixed, tell your council member or district council.</p>",
                "actions": ["contact"],
            },
        ],
    },
]

SPANISH = {
    "How a zoning variance is decided": "Cómo se decide una variación de zonificación",
    "Zoning rules say what you can build on your land. A variance lets you break one of "
    "these rules a little. Here is how the City decides, and when you can speak up.": "Las reglas de zonificación dicen qué puede construir en su terreno. Una variación "
    "le permite no cumplir un poco una de esas reglas. Aquí le explicamos cómo decide la "
    "Ciudad y cuándo puede opinar.",
    "The city budget and when to weigh in": "El presupuesto de la ciudad y cuándo opinar",
    "Each year the City decides how to spend money on things like parks, libraries, streets "
    "and safety. Here is the yearly plan, and the best times to have your say.": "Cada año la Ciudad decide cómo gastar el dinero en parques, bibliotecas, calles y "
    "seguridad. Aquí está el calendario anual y los mejores momentos para opinar.",
    "How to testify at a public hearing": "Cómo testificar en una audiencia pública",
    "At a public hearing, anyone can tell the City Council what they think before it votes. "
    "You can speak in person or send your comments in writing.": "En una audiencia pública, cualquier persona puede decirle al Concejo Municipal lo que "
    "piensa antes de la votación. Puede hablar en persona o enviar sus comentarios por "
    "escrito.",
    "What happens after you report a problem": "Qué pasa después de reportar un problema",
    "You can tell the City about a pothole, trash, graffiti or another problem that is not "
    "an emergency. Here is what happens next. In an emergency, call 911.": "Puede avisar a la Ciudad de un bache, basura, grafiti u otro problema que no sea una "
    "emergencia. Aquí le explicamos qué pasa después. En una emergencia, llame al 911.",
    "variance": "variación",
    "Permission to build or use land in a way the zoning code does not normally allow, for "
    "example closer to the property line.": "Permiso para construir o usar un terreno de una forma que el código de zonificación "
    "normalmente no permite, por ejemplo más cerca del límite de la propiedad.",
    "zoning": "zonificación",
    "City rules about what can be built where, and how it can be used.": "Reglas de la Ciudad sobre qué se puede construir en cada lugar y cómo se puede usar.",
    "public hearing": "audiencia pública",
    "A meeting where anyone can tell decision makers what they think before a vote.": "Una reunión donde cualquier persona puede decir lo que piensa a quienes deciden, "
    "antes de una votación.",
    "appeal": "apelación",
    "Asking a higher body to change a decision.": "Pedir a un órgano superior que cambie una decisión.",
    "Truth in Taxation": "Audiencia de Verdad en los Impuestos (Truth in Taxation)",
    "The yearly hearing in December where the City explains how the budget affects property "
    "taxes and hears from residents.": "La audiencia anual de diciembre en la que la Ciudad explica cómo el presupuesto "
    "afecta los impuestos a la propiedad y escucha a los residentes.",
    "levy": "gravamen",
    "The total amount of money the City collects from property taxes.": "El total de dinero que la Ciudad recauda con los impuestos a la propiedad.",
    "testify": "testificar",
    "To speak or write to decision makers about an issue before they decide.": "Hablar o escribir a quienes deciden sobre un tema antes de que decidan.",
}
