"""Demo content for Saint Paul, in English, with Spanish translations.

Facts come from City Council resolution RES 22-132 (26 January 2022), the
Customer Service Workgroup's presentation, and the city's public contact
information. Spanish strings are keyed by the English source segment so they
go through wagtail-localize exactly as an outside translator's PO file would.
"""

SERVICE_REQUEST_PHONE = "651-266-8989"
SERVICE_REQUEST_URL = "https://www.stpaul.gov/"

HOME = {
    "title": "Community Portal",
    "hero_heading": "Your city, your district council, your say",
    "hero_intro": (
        "Find your district council, upcoming public meetings and events, plain-language "
        "guides to how city decisions are made, and the right way to ask the city for help."
    ),
}

# The contact cards of the demo pages, by contact point name (cms/demo/directory.py).
CONTACT_CARDS = ["City information and complaint line", "City Council Office"]

# Who answers for each demo page ("" is the home page): department slug, content contact,
# days since the last review (some past the three-month interval, for the review reports).
PAGE_OWNERS = {
    "": ("city-council", "City Council Office", 30),
    "about": ("city-council", "City Council Office", 120),
    "services": ("safety-inspections", "City information and complaint line", 12),
    "district-councils": ("planning-economic-development", None, 40),
    "events": ("city-council", None, 200),
    "how-it-works": ("planning-economic-development", "Zoning information line", 60),
}

TOP_TASKS = [
    (
        "Find your district council",
        "Who represents your neighborhood and how to get involved.",
        "district-councils",
    ),
    (
        "Public meetings and events",
        "Board meetings, hearings and community events near you.",
        "events",
    ),
    (
        "How city decisions are made",
        "Step-by-step guides and where you can have your say.",
        "how-it-works",
    ),
    ("Get help from the city", "Report a problem or ask for a service.", "services"),
]

SECTIONS = [
    {
        "slug": "district-councils",
        "title": "District councils",
        "intro": (
            "Saint Paul has 17 district councils. Each one is a neighborhood organization that "
            "advises the city on land use, budgets and services, and helps neighbors act "
            "together."
        ),
        "model": "district_councils.DistrictCouncilIndexPage",
    },
    {
        "slug": "events",
        "title": "Meetings and events",
        "intro": (
            "District council board meetings, public hearings and community events. Everyone "
            "is welcome."
        ),
        "model": "engagement.EventIndexPage",
    },
    {
        "slug": "how-it-works",
        "title": "How it works",
        "intro": (
            "Plain-language guides to how the city decides things, and the steps where you "
            "can have your say."
        ),
        "model": "engagement.ProcessIndexPage",
    },
]

ABOUT = {
    "slug": "about",
    "title": "About this portal",
    "intro": (
        "The Community Portal brings the city's information for residents and district "
        "councils together in one place, in the languages Saint Paul speaks."
    ),
    "body": [
        ("heading", "Why we built it"),
        (
            "paragraph",
            "<p>In January 2022 the Saint Paul City Council accepted a study of how the city "
            "receives and answers non-emergency requests from residents (resolution 22-132).</p>",
        ),
        (
            "paragraph",
            "<p>The study asked the city to give everyone access to service while helping "
            "residents take part in decisions, to share the tracking of requests with the "
            "public, and to strengthen district councils.</p>",
        ),
        (
            "callout",
            "<p>City staff found 315 email addresses, 139 phone numbers and 21 online forms for "
            "residents to choose from. This portal points you to the right one.</p>",
        ),
        ("heading", "Questions and answers"),
        (
            "accordion",
            [
                (
                    "Which languages does the portal use?",
                    "<p>English, Spanish, Hmong, Somali and Karen. Pages that are not yet translated "
                    "are shown in English with a notice.</p>",
                ),
                (
                    "Who writes the content?",
                    "<p>City communications staff and the district councils. Each council edits "
                    "only its own pages.</p>",
                ),
            ],
        ),
    ],
}

SERVICES = {
    "slug": "services",
    "model": "engagement.ServiceIndexPage",
    "title": "Get help from the city",
    "intro": (
        "Report a problem such as a pothole, missed trash pickup, graffiti or an unsafe "
        "building, or ask for a city service."
    ),
    "body": [
        ("heading", "Report a problem"),
        (
            "paragraph",
            "<p>Call the city's main line or use the online form. You will get a request number "
            "so you can check on it later.</p>",
        ),
        ("contact", 0),
        ("callout", "<p>In an emergency, call 911.</p>"),
        ("heading", "Talk to your council member"),
        ("contact", 1),
    ],
}

NAVIGATION = ["district-councils", "events", "how-it-works", "services", "about"]

FOOTER = (
    "<p>A service of the City of Saint Paul, Minnesota. Content is published by City "
    "communications and the district councils.</p>"
)

SPANISH = {
    "Community Portal": "Portal Comunitario",
    HOME["hero_heading"]: "Su ciudad, su consejo de distrito, su voz",
    HOME["hero_intro"]: (
        "Encuentre su consejo de distrito, las próximas reuniones públicas y eventos, guías en "
        "lenguaje sencillo sobre cómo se toman las decisiones de la ciudad y la manera correcta "
        "de pedir ayuda a la ciudad."
    ),
    "Find your district council": "Encuentre su consejo de distrito",
    "Who represents your neighborhood and how to get involved.": (
        "Quién representa a su vecindario y cómo participar."
    ),
    "Public meetings and events": "Reuniones públicas y eventos",
    "Board meetings, hearings and community events near you.": (
        "Reuniones de junta, audiencias y eventos comunitarios cerca de usted."
    ),
    "How city decisions are made": "Cómo se toman las decisiones de la ciudad",
    "Step-by-step guides and where you can have your say.": (
        "Guías paso a paso y dónde puede dar su opinión."
    ),
    "Get help from the city": "Obtenga ayuda de la ciudad",
    "Report a problem or ask for a service.": "Reporte un problema o pida un servicio.",
    "District councils": "Consejos de distrito",
    SECTIONS[0]["intro"]: (
        "Saint Paul tiene 17 consejos de distrito. Cada uno es una organización vecinal que "
        "asesora a la ciudad sobre el uso del suelo, los presupuestos y los servicios, y ayuda "
        "a los vecinos a actuar juntos."
    ),
    "Meetings and events": "Reuniones y eventos",
    SECTIONS[1]["intro"]: (
        "Reuniones de la junta de los consejos de distrito, audiencias públicas y eventos "
        "comunitarios. Todos son bienvenidos."
    ),
    "How it works": "Cómo funciona",
    SECTIONS[2]["intro"]: (
        "Guías en lenguaje sencillo sobre cómo decide la ciudad y los pasos en los que usted "
        "puede dar su opinión."
    ),
    "About this portal": "Acerca de este portal",
    ABOUT["intro"]: (
        "El Portal Comunitario reúne en un solo lugar la información de la ciudad para los "
        "residentes y los consejos de distrito, en los idiomas que habla Saint Paul."
    ),
    "Why we built it": "Por qué lo creamos",
    "In January 2022 the Saint Paul City Council accepted a study of how the city receives "
    "and answers non-emergency requests from residents (resolution 22-132).": (
        "En enero de 2022 el Concejo Municipal de Saint Paul aceptó un estudio sobre cómo la "
        "ciudad recibe y responde las solicitudes de los residentes que no son emergencias "
        "(resolución 22-132)."
    ),
    "The study asked the city to give everyone access to service while helping residents "
    "take part in decisions, to share the tracking of requests with the public, and to "
    "strengthen district councils.": (
        "El estudio pidió a la ciudad dar acceso a los servicios a todas las personas y a la "
        "vez ayudar a los residentes a participar en las decisiones, compartir con el público el "
        "seguimiento de las solicitudes y fortalecer los consejos de distrito."
    ),
    "City staff found 315 email addresses, 139 phone numbers and 21 online forms for "
    "residents to choose from. This portal points you to the right one.": (
        "El personal de la ciudad encontró 315 direcciones de correo electrónico, 139 números "
        "de teléfono y 21 formularios en línea entre los que los residentes debían elegir. Este "
        "portal le indica el correcto."
    ),
    "Questions and answers": "Preguntas y respuestas",
    "Which languages does the portal use?": "¿Qué idiomas usa el portal?",
    "English, Spanish, Hmong, Somali and Karen. Pages that are not yet translated are shown "
    "in English with a notice.": (
        "Inglés, español, hmong, somalí y karen. Las páginas que aún no están traducidas se "
        "muestran en inglés con un aviso."
    ),
    "Who writes the content?": "¿Quién escribe el contenido?",
    "City communications staff and the district councils. Each council edits only its own pages.": (
        "El personal de comunicaciones de la ciudad y los consejos de distrito. Cada consejo "
        "edita solo sus propias páginas."
    ),
    SERVICES["intro"]: (
        "Reporte un problema como un bache, basura que no se recogió, grafiti o un edificio "
        "inseguro, o pida un servicio de la ciudad."
    ),
    "Report a problem": "Reporte un problema",
    "Call the city's main line or use the online form. You will get a request number so you "
    "can check on it later.": (
        "Llame a la línea principal de la ciudad o use el formulario en línea. Recibirá un "
        "número de solicitud para consultar su estado más tarde."
    ),
    "In an emergency, call 911.": "En una emergencia, llame al 911.",
    "Talk to your council member": "Hable con su concejal",
    FOOTER.removeprefix("<p>").removesuffix("</p>"): (
        "Un servicio de la Ciudad de Saint Paul, Minnesota. El contenido lo publican "
        "comunicaciones de la ciudad y los consejos de distrito."
    ),
    "Resident and Employee Services": "Servicios para Residentes y Empleados",
    "Public Works": "Obras Públicas",
    "Report a non-emergency problem or ask for a city service.": (
        "Reporte un problema que no sea una emergencia o pida un servicio de la ciudad."
    ),
    "Monday to Friday, 7:30 a.m. to 4:30 p.m.": "De lunes a viernes, de 7:30 a. m. a 4:30 p. m.",
    "City Council Office": "Oficina del Concejo Municipal",
    "City Council": "Concejo Municipal",
    "Reach your ward's council member or testify at a public hearing.": (
        "Comuníquese con el concejal de su distrito electoral o testifique en una audiencia "
        "pública."
    ),
    "Monday to Friday, 8:00 a.m. to 4:30 p.m.": "De lunes a viernes, de 8:00 a. m. a 4:30 p. m.",
    "Main navigation": "Navegación principal",
}
