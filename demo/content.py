"""Demo content for LHS Commons.

Pure data: plain dicts, lists and strings only. A separate loader reads the
module-level names below and builds Wagtail pages, snippets and images.

Facts and figures come from the project's domain notes, each named with its
source where it appears. No person in it is invented: the working groups show their charge, not
members, until the initiative publishes them.
"""

_NAM_URL_INITIATIVE = (
    "https://nam.edu/our-work/programs/leadership-consortium/learning-health-system/shared-commitments-initiative/"
)

_LHS_DEFINITION = (
    "one in which science, informatics, incentives, and culture are aligned "
    "for continuous improvement, innovation, and equity\u2014with best practices "
    "and discovery seamlessly embedded in the delivery process, individuals and "
    "families active participants in all elements, and new knowledge generated "
    "as an integral by-product of the delivery experience."
)

_CONTACT_EMAIL = "LHSSharedCommitments@nas.edu"
_MAILTO = '<a href="mailto:LHSSharedCommitments@nas.edu">LHSSharedCommitments@nas.edu</a>'


# ---------------------------------------------------------------------------
# Site and home page
# ---------------------------------------------------------------------------

SITE = {
    "name": "LHS Commons",
    "organization": "National Academy of Medicine",
    "contact_email": _CONTACT_EMAIL,
    "footer_text": (
        "LHS Commons shares stories, tools and news from the National Academy "
        "of Medicine's Shared Commitments initiative. Our aim is health care "
        "that keeps learning and getting better for everyone."
    ),
}

HOME = {
    "title": "Shared Commitments for a Learning Health System",
    "hero_lead": (
        "A learning health system gets better with every person it serves. "
        "Ten Shared Commitments describe what everyone should be able to "
        "expect from it."
    ),
    # A whole sentence, so the quote opens with a capital letter.
    "lhs_definition": "A learning health system is " + _LHS_DEFINITION,
    "lhs_definition_source": "National Academy of Medicine",
    "featured_commitments_intro": (
        "The Shared Commitments describe health and health care that is "
        "engaged, safe, effective and more. Start with these four."
    ),
    "survey_cta_heading": "Tell us how your organization is learning",
    "survey_cta_text": (
        "Take our short survey. Your answers help the National Academy of Medicine plan its next steps."
    ),
    "survey_cta_button": "Take the survey",
    "featured_commitments": ["engaged", "safe", "equitable", "adaptive"],
    "featured_stories": [
        "improvecarenow-crohns-remission",
        "kaiser-hypertension-control",
        "nationwide-learn-from-every-patient",
    ],
}


# ---------------------------------------------------------------------------
# Pictures, drawn by demo/images.py from the text given here: a story's
# headline result (figure, caption, organization, place, and a before/after
# pair when the source gives both numbers), or a text card saying what a page
# is for. Every text drawn has Spanish in content_es.po, and "alt" says what
# the picture shows.
# ---------------------------------------------------------------------------

IMAGES = {
    "home-hero": {
        "kicker": "LHS Commons",
        "title": "Ten Shared Commitments for a learning health system",
        "lines": [
            "What everyone should be able to expect from health care",
            "Real examples from hospitals, clinics and networks",
        ],
        "alt": (
            "Title card: Ten Shared Commitments for a learning health system. "
            "What everyone should be able to expect from health care, with "
            "real examples from hospitals, clinics and networks."
        ),
    },
    "about": {
        "kicker": "Built on 25 years of reports",
        "title": "From To Err Is Human to the Shared Commitments",
        "lines": [
            "1999 To Err Is Human; 2001 Crossing the Quality Chasm",
            "2012 Best Care at Lower Cost",
            "2024 Shared Commitments for Health and Health Care",
        ],
        "alt": (
            "Timeline card: the reports the Shared Commitments build on. To "
            "Err Is Human (1999), Crossing the Quality Chasm (2001), Best Care "
            "at Lower Cost (2012) and the Shared Commitments paper (2024)."
        ),
    },
    # Stories: the headline result of each, as its sources report it.
    "improvecarenow-crohns-remission": {
        "figure": "68%",
        "caption": "of children with Crohn's disease in remission, up from 55%",
        "organization": "ImproveCareNow, with Cincinnati Children's Hospital Medical Center",
        "place": "Cincinnati, Ohio, and about 85 centers",
        "bars": [("55%", 55, "Before"), ("68%", 68, "2012")],
        "alt": (
            "Chart-style card: children with Crohn's disease in remission rose "
            "from 55% to 68% at ImproveCareNow, with Cincinnati Children's "
            "Hospital Medical Center."
        ),
    },
    "kaiser-hypertension-control": {
        "figure": "80.4%",
        "caption": "of patients with high blood pressure had it under control in 2009",
        "organization": "Kaiser Permanente Northern California",
        "place": "Northern California",
        "bars": [("43.6%", 43.6, "2001"), ("80.4%", 80.4, "2009")],
        "alt": (
            "Chart-style card: blood pressure under control for 80.4% of "
            "patients with high blood pressure in 2009, up from 43.6% in 2001, "
            "at Kaiser Permanente Northern California."
        ),
    },
    "kaiser-sepsis-care": {
        "figure": "\u221240%",
        "caption": "More than 40% fewer deaths among hospital patients with sepsis",
        "organization": "Kaiser Permanente Northern California",
        "place": "Northern California (21 hospitals)",
        "alt": (
            "Chart-style card: sepsis deaths down more than 40% at Kaiser Permanente Northern California, 21 hospitals."
        ),
    },
    "geisinger-provencare-bypass": {
        "figure": "\u221244%",
        "caption": "readmissions within 30 days of heart bypass surgery",
        "organization": "Geisinger",
        "place": "Central Pennsylvania",
        "alt": (
            "Chart-style card: readmissions within 30 days of heart bypass "
            "surgery down 44% at Geisinger, Central Pennsylvania."
        ),
    },
    "intermountain-early-inductions": {
        "figure": "under 3%",
        "caption": "of deliveries were elective before 39 weeks by 2007, down from 28%",
        "organization": "Intermountain Healthcare",
        "place": "Utah",
        "bars": [("28%", 28, "Before"), ("< 3%", 3, "2007")],
        "alt": (
            "Chart-style card: elective deliveries before 39 weeks down from "
            "28% to under 3% at Intermountain Healthcare, Utah."
        ),
    },
    "va-mrsa-prevention": {
        "figure": "\u221260%",
        "caption": "More than 60% fewer MRSA infections in intensive care units",
        "organization": "U.S. Department of Veterans Affairs",
        "place": "VA hospitals across the United States",
        "alt": (
            "Chart-style card: MRSA infections in intensive care units down "
            "more than 60% at the U.S. Department of Veterans Affairs hospitals."
        ),
    },
    "group-health-medical-home": {
        "figure": "\u221229%",
        "caption": "emergency room visits with a primary care medical home",
        "organization": "Group Health Cooperative",
        "place": "Seattle, Washington",
        "alt": ("Chart-style card: 29% fewer emergency room visits at Group Health Cooperative, Seattle, Washington."),
    },
    "sps-childrens-hospitals-safety": {
        "figure": "25,000+",
        "caption": "children spared serious harm, through 2023",
        "organization": "Children's Hospitals' Solutions for Patient Safety (SPS)",
        "place": "Children's hospitals in the United States and Canada",
        "alt": (
            "Chart-style card: more than 25,000 children spared serious harm "
            "by Children's Hospitals' Solutions for Patient Safety (SPS)."
        ),
    },
    "nationwide-learn-from-every-patient": {
        "figure": "\u221243%",
        "caption": "inpatient days for children seen in the cerebral palsy clinic",
        "organization": "Nationwide Children's Hospital",
        "place": "Columbus, Ohio",
        "alt": ("Chart-style card: inpatient days down 43% at Nationwide Children's Hospital, Columbus, Ohio."),
    },
    # Working groups: what each is for, until editors add a photograph.
    "strategy-group": {
        "kicker": "Strategy Group",
        "title": "Sets the direction of the initiative",
        "lines": [
            "Guides the three working groups",
            "Finds gaps and priorities for spreading the Shared Commitments",
        ],
        "alt": (
            "Text card: the Strategy Group sets the direction of the "
            "initiative, guides the three working groups and finds gaps and "
            "priorities for spreading the Shared Commitments."
        ),
    },
    "communication-and-messaging": {
        "kicker": "Working group",
        "title": "Communication and Messaging",
        "lines": [
            "Explains a learning health system in plain language",
            "Shows the Shared Commitments in practice",
        ],
        "alt": (
            "Text card: the Communication and Messaging working group explains "
            "a learning health system in plain language and shows the Shared "
            "Commitments in practice."
        ),
    },
    "operational-requirements": {
        "kicker": "Working group",
        "title": "Operational Requirements",
        "lines": [
            "Links the Shared Commitments to existing quality goals",
            "Finds ways to judge progress in real settings",
        ],
        "alt": (
            "Text card: the Operational Requirements working group links the "
            "Shared Commitments to existing quality goals and finds ways to "
            "judge progress in real settings."
        ),
    },
    "infrastructure-investment-strategies": {
        "kicker": "Working group",
        "title": "Infrastructure Investment Strategies",
        "lines": [
            "Finds lasting ways to pay for a learning health system",
            "Makes the business case",
        ],
        "alt": (
            "Text card: the Infrastructure Investment Strategies working group "
            "finds lasting ways to pay for a learning health system and makes "
            "the business case."
        ),
    },
}


# ---------------------------------------------------------------------------
# Standard pages
# ---------------------------------------------------------------------------

PAGES = {
    "about": {
        "title": "About the initiative",
        "slug": "about",
        "intro": (
            "The Shared Commitments initiative is a National Academy of "
            "Medicine project. It helps people across health care build "
            "systems that learn and improve all the time."
        ),
        "body": [
            ("heading", {"text": "What the initiative is", "level": "h2"}),
            (
                "paragraph",
                "<p>The Shared Commitments initiative is led by the National "
                "Academy of Medicine (NAM). It is a project with several "
                "phases that will run for several years.</p>"
                "<p>Its goal is to help the ideas behind a learning health "
                "system spread and grow. These ideas are its pillars, its key "
                "features and its ten Shared Commitments. The initiative works "
                "with many health sectors, fields of work and groups of "
                "people.</p>",
            ),
            (
                "paragraph",
                "<p>NAM describes a learning health system that gets better "
                "as it gives care. In NAM's words, a learning health system "
                "is:</p>",
            ),
            (
                "quote",
                {
                    "text": _LHS_DEFINITION,
                    "attribution": "National Academy of Medicine",
                    "source_url": _NAM_URL_INITIATIVE,
                },
            ),
            (
                "image",
                {
                    "image_key": "about",
                    "alt_text": IMAGES["about"]["alt"],
                    "caption": "The Shared Commitments build on about two decades of work.",
                    "credit": "Illustration: LHS Commons",
                },
            ),
            ("heading", {"text": "Built on two decades of reports", "level": "h2"}),
            (
                "paragraph",
                "<p>The Shared Commitments did not start from scratch. They "
                "grew out of about 20 years of expert reports. The reports came "
                "from the Institute of Medicine (IOM), which is now the National "
                "Academy of Medicine. Workshops and committees added to this "
                "work.</p>"
                "<p>Three reports matter most. The table below shows what each "
                "one added.</p>",
            ),
            (
                "table",
                {
                    "caption": "Three reports that shaped the Shared Commitments",
                    "header": ["Report", "Year", "Publisher", "What it added"],
                    "rows": [
                        [
                            "To Err Is Human",
                            "1999",
                            "Institute of Medicine",
                            "Called national attention to gaps in patient safety.",
                        ],
                        [
                            "Crossing the Quality Chasm",
                            "2001",
                            "Institute of Medicine",
                            "Named six aims for care: safe, timely, effective, "
                            "efficient, equitable and patient-centered.",
                        ],
                        [
                            "Best Care at Lower Cost",
                            "2012 (final edition 2013)",
                            "Institute of Medicine",
                            "Described a learning health care system and seven traits it needs, in four groups.",
                        ],
                    ],
                },
            ),
            ("heading", {"text": "A trust framework", "level": "h2"}),
            (
                "paragraph",
                "<p>In December 2024, NAM published a paper in <em>NAM "
                "Perspectives</em>. Its authors are J. Michael McGinnis, "
                "Harvey V. Fineberg and Victor J. Dzau. Its title is "
                "<em>Shared Commitments for Health and Health Care: A Trust "
                "Framework from the Learning Health System</em>.</p>"
                "<p>The paper sets out ten Shared Commitments. Together they "
                "form a trust framework. That means a shared set of "
                "expectations for health systems, made on behalf of everyone "
                "who cares for health.</p>",
            ),
            (
                "statistic",
                {
                    "value": "10",
                    "label": "Shared Commitments in the trust framework",
                    "source": "McGinnis, Fineberg and Dzau, NAM Perspectives, December 2024",
                    "source_url": "",
                },
            ),
            (
                "statistic",
                {
                    "value": "3",
                    "label": "working groups, guided by a Strategy Group",
                    "source": "National Academy of Medicine, Shared Commitments initiative page",
                    "source_url": _NAM_URL_INITIATIVE,
                },
            ),
            ("heading", {"text": "Who guides the work", "level": "h2"}),
            (
                "paragraph",
                "<p>A Strategy Group guides the initiative. Its members are "
                "leaders from organizations across the health system. They set "
                "the overall direction.</p>"
                "<p>Three working groups take on specific tasks. They focus on "
                "communication and messaging, operational requirements, and "
                "strategies for infrastructure investment. "
                '<a href="/about/working-groups/">Meet the working '
                "groups</a>.</p>",
            ),
            (
                "call_to_action",
                {
                    "heading": "Share how your organization is learning",
                    "text": "Your answers help shape how NAM spreads the "
                    "Shared Commitments. The survey takes about ten minutes.",
                    "button_text": "Take the survey",
                    "link_path": "/engage/survey/",
                },
            ),
        ],
    },
    "working-groups": {
        "title": "Strategy Group and working groups",
        "slug": "working-groups",
        "intro": (
            "A Strategy Group sets the direction of the initiative. Three "
            "working groups turn that direction into practical work."
        ),
        "body": [
            ("heading", {"text": "Strategy Group", "level": "h2"}),
            (
                "paragraph",
                "<p>The Strategy Group brings together health leaders from "
                "organizations across the health system. It shapes the overall "
                "direction of the initiative. It also guides the working "
                "groups as they tackle gaps and priorities for spreading the "
                "Shared Commitments.</p>",
            ),
            ("heading", {"text": "Communication and Messaging", "level": "h2"}),
            (
                "paragraph",
                "<p>This group explains the benefits of a learning health "
                "system in plain language. Its messages draw on what different "
                "groups value and what they are responsible for. It also shows "
                "what the Shared Commitments look like in practice, and how "
                "they help people reach their health goals.</p>",
            ),
            ("heading", {"text": "Operational Requirements", "level": "h2"}),
            (
                "paragraph",
                "<p>This group shows how the Shared Commitments support goals "
                "and frameworks for quality that already exist. It also offers "
                "ways to understand and judge progress toward the core features "
                "of a learning health system. It looks at many real settings "
                "and sectors.</p>",
            ),
            ("heading", {"text": "Infrastructure Investment Strategies", "level": "h2"}),
            (
                "paragraph",
                "<p>This group looks for lasting ways to pay for a learning "
                "health system. It studies financial models and incentives "
                "that pull in the same direction. It also makes the business "
                "case, showing the financial benefits and return on "
                "investment.</p>",
            ),
            (
                "callout",
                {
                    "tone": "info",
                    "heading": "Who the members are",
                    "text": "<p>Members come from leading organizations across "
                    "the health system. Each group's page will name its members "
                    "once the National Academy of Medicine publishes them.</p>",
                },
            ),
            (
                "link_list",
                {
                    "heading": "Visit each group",
                    "links": [
                        {
                            "text": "Strategy Group",
                            "link_path": "/about/working-groups/strategy-group/",
                        },
                        {
                            "text": "Communication and Messaging",
                            "link_path": "/about/working-groups/communication-and-messaging/",
                        },
                        {
                            "text": "Operational Requirements",
                            "link_path": "/about/working-groups/operational-requirements/",
                        },
                        {
                            "text": "Infrastructure Investment Strategies",
                            "link_path": "/about/working-groups/infrastructure-investment-strategies/",
                        },
                    ],
                },
            ),
        ],
    },
    "contact": {
        "title": "Contact us",
        "slug": "contact",
        "intro": ("Have a question or an idea? Send an email to the Shared Commitments team."),
        "body": [
            ("heading", {"text": "Email the team", "level": "h2"}),
            (
                "paragraph",
                "<p>The best way to reach us is by email at " + _MAILTO + ".</p>"
                "<p>Please tell us your name and, if it helps, your "
                "organization. Say briefly what your message is about.</p>",
            ),
            ("heading", {"text": "What you can write to us about", "level": "h2"}),
            (
                "paragraph",
                "<ul>"
                "<li>Questions about the Shared Commitments or this site</li>"
                "<li>Your thoughts and priorities for a learning health "
                "system</li>"
                "<li>Ideas for working with us as a partner</li>"
                "<li>A story about how your organization learns and "
                "improves</li>"
                "<li>Problems with the survey or the story form</li>"
                "<li>Requests to see, correct or delete your information</li>"
                "</ul>",
            ),
            (
                "callout",
                {
                    "tone": "info",
                    "heading": "When to expect a reply",
                    "text": "<p>We read every message. We reply as soon as we "
                    "can, but we cannot promise a set time. Some questions "
                    "take longer because we need to check with others.</p>",
                },
            ),
            (
                "callout",
                {
                    "tone": "important",
                    "heading": "Please do not send health details",
                    "text": "<p>This inbox is not for medical questions. "
                    "Please do not send personal health information. If you "
                    "need medical care, contact your own care team.</p>",
                },
            ),
        ],
    },
    "privacy": {
        "title": "Privacy notice",
        "slug": "privacy",
        "intro": (
            "This notice explains what information we collect on this site, "
            "why we collect it and what choices you have."
        ),
        "body": [
            ("heading", {"text": "Who we are", "level": "h2"}),
            (
                "paragraph",
                "<p>LHS Commons supports the National Academy of Medicine's "
                'Shared Commitments initiative. In this notice, "we" means '
                "the initiative's engagement team.</p>",
            ),
            ("heading", {"text": "What we collect", "level": "h2"}),
            (
                "paragraph",
                "<ul>"
                "<li><strong>Survey answers.</strong> These are the answers "
                "you give in our survey.</li>"
                "<li><strong>Stories.</strong> These are the stories and "
                "details you send through the share-your-story form.</li>"
                "<li><strong>Your organization.</strong> We collect this only "
                "if you choose to give it.</li>"
                "<li><strong>Your email address.</strong> This is optional. We "
                "collect it only if you want us to contact you.</li>"
                "<li><strong>Technical logs.</strong> Our servers record basic "
                "facts about each visit. These include your internet address, "
                "browser type, the pages you visit and the time.</li>"
                "</ul>"
                "<p>The site uses only the small files, called cookies, that "
                "it needs to work, such as for form security.</p>",
            ),
            ("heading", {"text": "Why we collect it", "level": "h2"}),
            (
                "paragraph",
                "<ul>"
                "<li>To learn how organizations are working toward a learning "
                "health system</li>"
                "<li>To plan the initiative's next steps</li>"
                "<li>To reply to you, if you asked us to</li>"
                "<li>To keep the site safe and working well</li>"
                "</ul>"
                "<p>We do not sell your information. We do not use it for "
                "advertising.</p>",
            ),
            ("heading", {"text": "Who can see your answers", "level": "h2"}),
            (
                "paragraph",
                "<p>Only the engagement team can see your survey answers, "
                "stories and contact details. Technical staff who run the site "
                "may see technical logs to keep the site working.</p>",
            ),
            ("heading", {"text": "What we share in public", "level": "h2"}),
            (
                "paragraph",
                "<p>We share survey results only as summaries of many answers "
                "together. We never show your own answers.</p>"
                "<p>If a group in a summary has fewer than 10 people, we do not "
                "show results for that group. This makes it harder to guess "
                "who said what.</p>"
                "<p>We will publish a story only if you agree. We will check "
                "the final text with you first.</p>",
            ),
            (
                "callout",
                {
                    "tone": "important",
                    "heading": "How long we keep your contact details",
                    "text": "<p>We keep your email address and other contact "
                    "details no longer than 12 months after the survey "
                    "closes. Then we delete them.</p>",
                },
            ),
            ("heading", {"text": "Your choices", "level": "h2"}),
            (
                "paragraph",
                "<p>You can ask us to show you, correct or delete the "
                "information you gave us. To ask, email " + _MAILTO + ". "
                "Tell us which form you used and about when.</p>"
                "<p>We will tell you when we have done what you asked.</p>",
            ),
            ("heading", {"text": "Changes to this notice", "level": "h2"}),
            (
                "paragraph",
                "<p>If we change this notice, we will post the new version on "
                "this page and change the version number.</p>"
                "<p><strong>Version 1.0, effective 1 December 2026</strong></p>",
            ),
        ],
    },
    "engage": {
        "title": "Get involved",
        "slug": "engage",
        "intro": ("Your experience can help shape the Shared Commitments. Here are four ways to take part."),
        "body": [
            ("heading", {"text": "Take the survey", "level": "h2"}),
            (
                "paragraph",
                "<p>Tell us how you or your organization is becoming a "
                "learning health system, or hopes to. It is fine if you are "
                "just starting. Your answers help the National Academy of "
                "Medicine plan its work.</p>",
            ),
            (
                "call_to_action",
                {
                    "heading": "How is your organization learning?",
                    "text": "The survey has four short steps. At the end you see your own results.",
                    "button_text": "Take the survey",
                    "link_path": "/engage/survey/",
                },
            ),
            ("heading", {"text": "Share your story", "level": "h2"}),
            (
                "paragraph",
                "<p>Has your team used data, feedback or research to make care "
                "better? Tell us what you tried and what you learned. Stories "
                "of small steps are welcome too.</p>",
            ),
            (
                "call_to_action",
                {
                    "heading": "Tell us what worked, and what did not",
                    "text": "We will only publish your story if you agree.",
                    "button_text": "Share your story",
                    "link_path": "/engage/share-your-story/",
                },
            ),
            ("heading", {"text": "Share your reflections", "level": "h2"}),
            (
                "paragraph",
                "<p>Which Shared Commitments matter most to you? What gets in "
                "the way? Send your thoughts and priorities to " + _MAILTO + ".</p>",
            ),
            ("heading", {"text": "Become a partner", "level": "h2"}),
            (
                "paragraph",
                "<p>Working together matters more than ever. If your "
                "organization wants to help spread the Shared Commitments, "
                "email us. Tell us a little about your work and what you hope "
                "to do together.</p>",
            ),
        ],
    },
    "share-your-story": {
        "title": "Share your story",
        "slug": "share-your-story",
        "intro": (
            "Has your team used data, feedback or research to make care better? "
            "Tell us what you did and what changed. Small steps count too."
        ),
        "thank_you_text": (
            "<p><strong>Thank you for sharing your story.</strong> We read "
            "every story. Someone from our team will contact you before we "
            "publish anything.</p>"
            "<p>We never publish your email address or phone number.</p>"
        ),
    },
}


# ---------------------------------------------------------------------------
# Survey form
# ---------------------------------------------------------------------------

_COMMITMENT_NAMES = [
    "Engaged",
    "Safe",
    "Effective",
    "Equitable",
    "Efficient",
    "Accessible",
    "Accountable",
    "Transparent",
    "Secure",
    "Adaptive",
]

SURVEY = {
    "title": "Survey: how is your organization learning?",
    "slug": "survey",
    "intro": (
        "<p>This survey asks how you and your organization are working toward "
        "becoming a learning health system. It has four short steps and takes "
        "about ten minutes. At the end you see where your organization stands "
        "on each of the ten Shared Commitments.</p>"
        "<p>Only the engagement team will see your answers. We share results "
        'only as summaries. See our <a href="/privacy/">privacy '
        "notice</a>.</p>"
    ),
    "thank_you_text": (
        "<p><strong>Thank you for taking part.</strong> Your answers help the "
        "National Academy of Medicine plan how to spread the Shared "
        "Commitments.</p>"
        "<p>Want to tell us more? You can also "
        '<a href="/engage/share-your-story/">share your story</a>.</p>'
    ),
    "self_assessment_intro": (
        "Think about your organization as it is today, not as you hope it will be. "
        "There are no right or wrong answers. If you are not sure, choose the point "
        "that fits best."
    ),
    # Organization, sector, role and email address are fixed parts of the
    # survey; these are the editors' own questions.
    "fields": [
        {
            "label": "Is your organization working toward becoming a learning health system?",
            "field_type": "radio",
            "required": True,
            "choices": [
                "Yes, and we are well on our way",
                "Yes, we are just starting",
                "Not yet, but we are interested",
                "No, not at this time",
                "I am not sure",
            ],
            "help_text": "",
        },
        {
            "label": "Which Shared Commitments are your top priorities?",
            "field_type": "checkboxes",
            "required": False,
            "choices": list(_COMMITMENT_NAMES),
            "help_text": "Choose all that apply.",
        },
        {
            "label": "What helps or gets in the way of learning and improving where you work?",
            "field_type": "multiline",
            "required": False,
            "choices": [],
            "help_text": "A few sentences is fine. Please do not include anyone's health information.",
        },
    ],
}


# ---------------------------------------------------------------------------
# Working groups: their charge and the kinds of organization they draw on.
# No members: the initiative has not published them, and the demo invents no
# people.
# ---------------------------------------------------------------------------

WORKING_GROUPS = [
    {
        "slug": "strategy-group",
        "title": "Strategy Group",
        "group_type": "strategy",
        "intro": ("Health leaders from across the health system who set the initiative's direction."),
        "focus_areas": [
            "Set the overall direction of the initiative",
            "Guide the work of the working groups",
            "Find gaps and priorities for spreading the Shared Commitments",
        ],
        "body": (
            "<p>The Strategy Group is made up of leaders from organizations "
            "across the health system. Together they shape where the "
            "initiative goes.</p>"
            "<p>The group also guides the three working groups. It helps them "
            "focus on the gaps and priorities that matter most for spreading "
            "the Shared Commitments.</p>"
            "<p>The group draws on the experience of leaders from health systems and hospitals, "
            "clinicians, patients and families, health plans, public health and research.</p>"
        ),
    },
    {
        "slug": "communication-and-messaging",
        "title": "Communication and Messaging",
        "group_type": "working",
        "intro": (
            "Explaining the learning health system in plain language, and "
            "showing what the Shared Commitments look like in real life."
        ),
        "focus_areas": [
            "Explain the shared benefits of a learning health system in plain "
            "language, shaped by people's priorities, duties and values",
            "Show what the Shared Commitments look like in practice, and how "
            "they help health systems work better and help people reach their "
            "goals",
        ],
        "body": (
            '<p>Many people have never heard the words "learning health '
            'system." This group works on clear ways to explain the idea and '
            "why it matters.</p>"
            "<p>It listens to what patients, clinicians, leaders and others "
            "care about. Then it shapes messages that speak to each of "
            "them.</p>"
            "<p>The group draws on the experience of patient and family advocates, "
            "clinicians, health system leaders and communication specialists.</p>"
        ),
    },
    {
        "slug": "operational-requirements",
        "title": "Operational Requirements",
        "group_type": "working",
        "intro": ("Linking the Shared Commitments to existing quality goals, and finding ways to judge progress."),
        "focus_areas": [
            "Show how the Shared Commitments support and strengthen existing "
            "goals and frameworks for health care quality and improvement",
            "Offer ways to judge progress toward the core features of a "
            "learning health system in real settings and sectors",
        ],
        "body": (
            "<p>Health care already has many quality goals and frameworks. "
            "This group shows how the Shared Commitments fit with them and "
            "make them stronger.</p>"
            "<p>It also looks at how organizations can tell if they are "
            "making progress. It studies this in many real settings, from "
            "hospitals to public health.</p>"
            "<p>The group draws on the experience of quality and safety leaders, informatics "
            "teams, researchers and the organizations that set quality measures.</p>"
        ),
    },
    {
        "slug": "infrastructure-investment-strategies",
        "title": "Infrastructure Investment Strategies",
        "group_type": "working",
        "intro": ("Finding lasting ways to pay for a learning health system, and making the business case."),
        "focus_areas": [
            "Find lasting financial models and incentives that line up to support a learning health system",
            "Make the business case: show the financial benefits and return on investment of a learning health system",
        ],
        "body": (
            "<p>Learning and improving takes time, people and tools. This "
            "group looks at how to pay for that work over the long term.</p>"
            "<p>It studies financial models and incentives that reward "
            "learning. It also gathers evidence on the return that "
            "organizations can get from this approach.</p>"
            "<p>The group draws on the experience of health system finance leaders, "
            "health plans and payers, employers and health economists.</p>"
        ),
    },
]


# ---------------------------------------------------------------------------
# Pillars and commitments
# ---------------------------------------------------------------------------

PILLARS = [
    {
        "name": "Science",
        "description": "Research and evidence guide care, and everyday care produces new evidence.",
    },
    {
        "name": "Informatics",
        "description": "Data and digital tools capture what happens in care "
        "and bring knowledge to people when they need it.",
    },
    {
        "name": "Incentives",
        "description": "Payment and rewards line up with good results. Then "
        "the right choice is also the practical one.",
    },
    {
        "name": "Culture",
        "description": "Leaders, staff, patients and families value learning, openness and steady improvement.",
    },
]

COMMITMENT_INDEX = {
    "title": "The Shared Commitments",
    "slug": "commitments",
    "intro": (
        "<p>The Shared Commitments are ten promises about what health and "
        "health care should be. The National Academy of Medicine offers them "
        "as a trust framework. They are shared expectations that patients, "
        "clinicians, health systems and others can count on.</p>"
        "<p>Each commitment finishes the same sentence: health and health "
        "care that is ...</p>"
    ),
    "pillars_intro": (
        "A learning health system rests on four pillars. In NAM's definition, "
        "science, informatics, incentives and culture all line up."
    ),
    "frameworks_text": (
        "<p>The first six commitments build on the six aims in <em>Crossing "
        "the Quality Chasm</em> (Institute of Medicine, 2001). Those aims are "
        "safe, timely, effective, efficient, equitable and patient-centered "
        "care.</p>"
        "<p>The last four commitments are new: accountable, transparent, "
        "secure and adaptive. An earlier version of the list used the word "
        '"Measurable" where "Accountable" now stands.</p>'
        "<p>See how each commitment lines up with other well-known "
        'frameworks on our <a href="/commitments/crosswalk/">crosswalk '
        "page</a>.</p>"
    ),
}

COMMITMENTS = [
    {
        "number": 1,
        "name": "Engaged",
        "slug": "engaged",
        "icon": "engaged",
        "summary": "Your own health goals come first. Your care team listens, understands them and acts on them.",
        "for_people": (
            "<p>Your care starts with what matters to you. Your team asks "
            "about your goals, your worries and your daily life.</p>"
            "<p>You and your family help make choices about your care. Your "
            "goals are written down and used to guide the plan.</p>"
        ),
        "for_clinicians": (
            "<p>Ask people what they want from their care, and write it down. "
            "Use those goals when you plan treatment together.</p>"
            "<ul><li>Make shared decisions a habit.</li>"
            "<li>Check back to see if goals are being met.</li></ul>"
        ),
        "for_organizations": (
            "<p>Build patient and family voices into how you plan and improve "
            "care. Give them seats on advisory groups and design teams.</p>"
            "<p>Make it easy for care teams to record and see each person's "
            "goals.</p>"
        ),
        "signs": [
            {
                "measure": "Share of patients whose care plan records their own goals",
                "description": "Shows whether teams ask about and write down what matters to each person.",
            },
            {
                "measure": "Share of patients who say they helped make decisions about their care",
                "description": "Comes from patient surveys. Shows whether shared decisions really happen.",
            },
            {
                "measure": "Share of improvement projects with a patient or family member on the team",
                "description": "Shows whether people who get care help shape it.",
            },
        ],
        "crosswalk": [
            {
                "framework": "quality-chasm",
                "element": "patient-centered",
                "note": "Goes beyond patient-centered care: people's own goals come first and are acted on.",
            },
            {
                "framework": "best-care",
                "element": "engaged-empowered-patients",
                "note": "Builds on the call for engaged, empowered patients.",
            },
            {
                "framework": "cms-nqs",
                "element": "equity-and-engagement",
                "note": "Shares the engagement part of this priority area.",
            },
        ],
    },
    {
        "number": 2,
        "name": "Safe",
        "slug": "safe",
        "icon": "safe",
        "summary": "Care uses proven steps and checks to protect people from harm that no one intended.",
        "for_people": (
            "<p>The care meant to help you should not hurt you. Your team uses "
            "proven steps to prevent mistakes and infections.</p>"
            "<p>You can speak up if something seems wrong. Your concern should "
            "be taken seriously.</p>"
        ),
        "for_clinicians": (
            "<p>Follow proven safety steps every time, such as checklists and "
            "infection control. Report errors and near misses so the team can "
            "learn.</p>"
            "<p>Help build a team where anyone can raise a concern.</p>"
        ),
        "for_organizations": (
            "<p>Make the safe way the easy way. Build proven steps into daily "
            "work and tools.</p>"
            "<p>Track harm, learn from every event and share lessons across "
            "teams.</p>"
        ),
        "signs": [
            {
                "measure": "Rate of infections that start in the hospital",
                "description": "Shows how well infection prevention steps work.",
            },
            {
                "measure": "Share of patients who get every step of a proven care bundle",
                "description": "Shows how reliably safety steps are followed.",
            },
            {
                "measure": "Number of safety events and near misses reported and reviewed",
                "description": "More reporting can be a sign that staff feel safe to speak up.",
            },
        ],
        "crosswalk": [
            {
                "framework": "quality-chasm",
                "element": "safe",
                "note": "Carries forward the aim of safe care, with a focus on proven protocols.",
            },
            {
                "framework": "cms-nqs",
                "element": "safety-and-resiliency",
                "note": "Matches the safety part of this priority area.",
            },
        ],
    },
    {
        "number": 3,
        "name": "Effective",
        "slug": "effective",
        "icon": "effective",
        "summary": "Care uses the best evidence, kept up to date, to help each person reach their goals.",
        "for_people": (
            "<p>Your care is based on the best evidence we have today. That "
            "evidence keeps being updated.</p>"
            "<p>Your team uses it to help you reach the goals you set "
            "together.</p>"
        ),
        "for_clinicians": (
            "<p>Use current evidence and guidelines when you give care. When "
            "the evidence changes, update your practice.</p>"
            "<p>Help build new evidence by learning from everyday care.</p>"
        ),
        "for_organizations": (
            "<p>Put current evidence inside the tools care teams already use. "
            "Keep guidelines and order sets up to date.</p>"
            "<p>Check whether care reaches its goals, and learn from the "
            "gaps.</p>"
        ),
        "signs": [
            {
                "measure": "Share of patients with high blood pressure whose blood pressure is under control",
                "description": "A common way to see if proven care reaches people.",
            },
            {
                "measure": "Time from a new guideline to its use in daily care tools",
                "description": "Shows how fast new evidence reaches the bedside.",
            },
            {
                "measure": "Share of patients who reach a goal they set with their care team",
                "description": "Links proven care to each person's own goals.",
            },
        ],
        "crosswalk": [
            {
                "framework": "quality-chasm",
                "element": "effective",
                "note": "Extends effective care by stressing evidence that is always kept up to date.",
            },
            {
                "framework": "best-care",
                "element": "real-time-access-to-knowledge",
                "note": "Depends on getting current knowledge to the point of care.",
            },
        ],
    },
    {
        "number": 4,
        "name": "Equitable",
        "slug": "equitable",
        "icon": "equitable",
        "summary": "Every person gets a fair chance to reach their full health.",
        "for_people": (
            "<p>Everyone should have a fair chance to be as healthy as they "
            "can be. Your care should not be worse because of who you are or "
            "where you live.</p>"
            "<p>Health systems should look for gaps and work to close them.</p>"
        ),
        "for_clinicians": (
            "<p>Look at results for different groups of patients, not just "
            "the average. Ask about needs that affect health, such as "
            "transportation or language.</p>"
            "<p>Adjust care so each person can fully benefit.</p>"
        ),
        "for_organizations": (
            "<p>Break down your results by groups, such as language, income "
            "and neighborhood. Set goals to close the gaps you find.</p>"
            "<p>Work with community partners to reach people who face "
            "barriers.</p>"
        ),
        "signs": [
            {
                "measure": "Gap between patient groups on a key result",
                "description": "Shows whether improvement reaches everyone, not just some.",
            },
            {
                "measure": "Share of patients asked about social needs, such as food or housing",
                "description": "Shows whether teams ask about needs that affect health.",
            },
            {
                "measure": "Share of patients who get care in their preferred language",
                "description": "One sign that care is built for each person.",
            },
        ],
        "crosswalk": [
            {
                "framework": "quality-chasm",
                "element": "equitable",
                "note": "Moves from equal quality of care toward a fair chance at full health.",
            },
            {
                "framework": "quintuple-aim",
                "element": "health-equity",
                "note": "Shares the focus on health equity that the Quintuple Aim added.",
            },
            {
                "framework": "cms-nqs",
                "element": "equity-and-engagement",
                "note": "Matches the equity part of this priority area.",
            },
        ],
    },
    {
        "number": 5,
        "name": "Efficient",
        "slug": "efficient",
        "icon": "efficient",
        "summary": "Care gets the best results, at a cost people can afford, from the resources at hand.",
        "for_people": (
            "<p>Your care should get the best results for the time and money "
            "spent. You should not pay for tests or visits you do not "
            "need.</p>"
            "<p>Care without waste is easier to afford.</p>"
        ),
        "for_clinicians": (
            "<p>Choose tests and treatments that make a real difference for "
            "the patient. Avoid repeat tests when results already exist.</p>"
            "<p>Help find steps that add cost but no value.</p>"
        ),
        "for_organizations": (
            "<p>Look for waste, such as delays, repeat work and hospital stays "
            "that could be avoided. Put the savings back into care.</p>"
            "<p>Track cost and results together, not apart.</p>"
        ),
        "signs": [
            {
                "measure": "Hospital days that could have been avoided, per 1,000 patients",
                "description": "Shows whether care keeps people out of the hospital when it can.",
            },
            {
                "measure": "Cost of care per person, tracked next to quality results",
                "description": "Shows whether savings come with good outcomes.",
            },
            {
                "measure": "Share of tests repeated soon after without a clear reason",
                "description": "A sign of waste that teams can reduce.",
            },
        ],
        "crosswalk": [
            {
                "framework": "quality-chasm",
                "element": "efficient",
                "note": "Extends efficient care by adding affordability.",
            },
            {
                "framework": "triple-aim",
                "element": "per-capita-cost",
                "note": "Relates to lowering the cost of care per person.",
            },
            {
                "framework": "best-care",
                "element": "incentives-aligned-for-value",
                "note": "Needs payment and incentives that reward value.",
            },
        ],
    },
    {
        "number": 6,
        "name": "Accessible",
        "slug": "accessible",
        "icon": "accessible",
        "summary": "People can get care on time and in convenient ways, at a "
        "fair cost. Their health records can move with them.",
        "for_people": (
            "<p>You should be able to get care when you need it, in ways that "
            "fit your life. That may mean same-day visits, phone or video "
            "care, or clinics close to home.</p>"
            "<p>Your health information should follow you. Then you do not "
            "have to repeat your story.</p>"
        ),
        "for_clinicians": (
            "<p>Offer timely visits and more than one way to get care. Make "
            "sure records and results can be shared with other care teams.</p>"
            "<p>Help patients understand costs before they decide.</p>"
        ),
        "for_organizations": (
            "<p>Measure wait times and fix the bottlenecks. Use systems that "
            "can share data with other providers.</p>"
            "<p>Remove cost barriers where you can, and make prices clear.</p>"
        ),
        "signs": [
            {
                "measure": "Average days until the next open appointment",
                "description": "Shows how quickly people can be seen.",
            },
            {
                "measure": "Share of visits offered by phone or video",
                "description": "Shows whether care fits into people's lives.",
            },
            {
                "measure": "Share of records that can be sent electronically to other providers",
                "description": "Shows whether information can move with the patient.",
            },
        ],
        "crosswalk": [
            {
                "framework": "quality-chasm",
                "element": "timely",
                "note": "Extends timely care to include convenience, shared records and cost.",
            },
            {
                "framework": "triple-aim",
                "element": "care-experience",
                "note": "Easy access is a big part of a good care experience.",
            },
        ],
    },
    {
        "number": 7,
        "name": "Accountable",
        "slug": "accountable",
        "icon": "accountable",
        "summary": "Everyone knows who is responsible, results are measured in "
        "ways that matter, and feedback is reliable.",
        "for_people": (
            "<p>You should know who is responsible for each part of your care. "
            "Results should be measured in ways that matter to you.</p>"
            "<p>When you give feedback, it should lead to change.</p>"
        ),
        "for_clinicians": (
            "<p>Know your role and your team's results. Use measures that "
            "show what matters to patients, not just what is easy to "
            "count.</p>"
            "<p>Follow up on feedback from patients and coworkers.</p>"
        ),
        "for_organizations": (
            "<p>Make roles clear at every level. Choose a small set of "
            "measures that matter, and report on them often.</p>"
            "<p>Build feedback loops so results lead to action.</p>"
        ),
        "signs": [
            {
                "measure": "Share of care plans that name a person responsible for follow-up",
                "description": "Shows whether responsibility is clear.",
            },
            {
                "measure": "Share of key measures that patients helped choose",
                "description": "Shows whether measures reflect what matters to people.",
            },
            {
                "measure": "Share of patient concerns answered and acted on within a set time",
                "description": "Shows whether feedback leads to change.",
            },
        ],
        "crosswalk": [
            {
                "framework": "cms-nqs",
                "element": "outcomes-and-alignment",
                "note": "Relates to lining up measures around outcomes that matter.",
            },
            {
                "framework": "best-care",
                "element": "incentives-aligned-for-value",
                "note": "Clear responsibility works best when incentives reward value.",
            },
        ],
    },
    {
        "number": 8,
        "name": "Transparent",
        "slug": "transparent",
        "icon": "transparent",
        "summary": "Activities, processes, results and reports are open and clear for people to see.",
        "for_people": (
            "<p>You should be able to see how well a health system is doing. "
            "That includes results, prices and how decisions are made.</p>"
            "<p>If something goes wrong in your care, you should be told "
            "honestly.</p>"
        ),
        "for_clinicians": (
            "<p>Share results openly with patients and coworkers, even when "
            "care falls short.</p>"
            "<p>Explain the reasons behind care choices in plain words.</p>"
        ),
        "for_organizations": (
            "<p>Publish your quality and safety results in plain language. Be "
            "open about how you work, what you find and what you change.</p>"
            "<p>Share reports with partners so others can learn too.</p>"
        ),
        "signs": [
            {
                "measure": "Share of key quality results posted for the public",
                "description": "Shows how open the organization is about its performance.",
            },
            {
                "measure": "Share of harm events explained to the patient or family",
                "description": "Shows honesty when things go wrong.",
            },
            {
                "measure": "Number of plain-language reports published each year",
                "description": "Shows whether results are shared in a way people can use.",
            },
        ],
        "crosswalk": [
            {
                "framework": "best-care",
                "element": "full-transparency",
                "note": "Builds directly on the call for full transparency.",
            },
        ],
    },
    {
        "number": 9,
        "name": "Secure",
        "slug": "secure",
        "icon": "secure",
        "summary": "Data, digital tools and AI come with safeguards on who can see, share and use them.",
        "for_people": (
            "<p>Your health data should be safe. You should know who can see "
            "it and how it is used.</p>"
            "<p>When digital tools or artificial intelligence (AI) help with "
            "your care, safeguards should be in place.</p>"
        ),
        "for_clinicians": (
            "<p>Follow the rules for who can see patient data. Check the "
            "results of digital and AI tools before you act on them.</p>"
            "<p>Report any concern about data being misused.</p>"
        ),
        "for_organizations": (
            "<p>Put safeguards on who can see, share and use data. Test "
            "digital and AI tools for safety and fairness, before and after "
            "you start using them.</p>"
            "<p>Share data safely with partners so care stays connected.</p>"
        ),
        "signs": [
            {
                "measure": "Share of staff who finished data privacy training this year",
                "description": "Shows whether people know how to protect data.",
            },
            {
                "measure": "Share of AI tools checked for safety and fairness before use",
                "description": "Shows whether new tools are reviewed before they touch care.",
            },
            {
                "measure": "Time to find and respond to a data security problem",
                "description": "Shows how well safeguards work in practice.",
            },
        ],
        "crosswalk": [
            {
                "framework": "cms-nqs",
                "element": "interoperability-and-scientific-advancement",
                "note": "Safe data sharing makes interoperability possible.",
            },
            {
                "framework": "best-care",
                "element": "digital-capture-of-care-experience",
                "note": "Capturing care in digital form needs strong safeguards.",
            },
        ],
    },
    {
        "number": 10,
        "name": "Adaptive",
        "slug": "adaptive",
        "icon": "adaptive",
        "summary": "Learning and improving never stop. They are built into how the organization works every day.",
        "for_people": (
            "<p>Your care should keep getting better. What is learned from "
            "one person's care should help the next person.</p>"
            "<p>Your feedback is part of that learning.</p>"
        ),
        "for_clinicians": (
            "<p>Treat every visit as a chance to learn. Take part in "
            "improvement work and try small tests of change.</p>"
            "<p>Share what you learn with your team.</p>"
        ),
        "for_organizations": (
            "<p>Build learning into how you work, from the board to the front "
            "line. Leaders should set aside time and money for "
            "improvement.</p>"
            "<p>Use data from care to spot problems early and adapt.</p>"
        ),
        "signs": [
            {
                "measure": "Number of improvement cycles finished by front-line teams each year",
                "description": "Shows whether learning is part of daily work.",
            },
            {
                "measure": "Share of staff who say it is safe to suggest changes",
                "description": "Comes from staff surveys. Shows whether the culture supports learning.",
            },
            {
                "measure": "Time from finding a problem to testing a fix",
                "description": "Shows how quickly the organization adapts.",
            },
        ],
        "crosswalk": [
            {
                "framework": "best-care",
                "element": "leadership-instilled-culture-of-learning",
                "note": "Builds on a culture of learning set by leaders.",
            },
            {
                "framework": "best-care",
                "element": "supportive-system-competencies",
                "note": "Needs the skills and systems that support steady improvement.",
            },
            {
                "framework": "cms-nqs",
                "element": "safety-and-resiliency",
                "note": "Relates to the resiliency part of this priority area.",
            },
        ],
    },
]


# ---------------------------------------------------------------------------
# Crosswalk and frameworks
# ---------------------------------------------------------------------------

CROSSWALK = {
    "title": "Commitments and other frameworks",
    "slug": "crosswalk",
    "intro": (
        "<p>Many health organizations already work with quality frameworks. "
        "This page shows how each Shared Commitment relates to five of them. "
        "It can help you see where your current work already fits.</p>"
        "<p>The links shown here are our own reading, offered as a starting "
        "point. They are not an official map from the National Academy of "
        "Medicine.</p>"
    ),
}

FRAMEWORKS = [
    {
        "key": "quality-chasm",
        "name": "Crossing the Quality Chasm: six aims for improvement",
        "short_name": "Quality Chasm aims",
        "publisher": "Institute of Medicine",
        "year": 2001,
        "url": "https://doi.org/10.17226/10027",
        "description": (
            "This report named six aims for health care. Care should be safe, "
            "timely, effective, efficient, equitable and patient-centered. "
            "The first six Shared Commitments build on these aims."
        ),
        "elements": [
            {
                "key": "safe",
                "name": "Safe",
                "group": "",
                "description": "Avoid harming patients with care that is meant to help them.",
            },
            {
                "key": "timely",
                "name": "Timely",
                "group": "",
                "description": "Cut waits and harmful delays for people who give and receive care.",
            },
            {
                "key": "effective",
                "name": "Effective",
                "group": "",
                "description": "Give care based on evidence to those who will "
                "benefit, and avoid care that will not help.",
            },
            {
                "key": "efficient",
                "name": "Efficient",
                "group": "",
                "description": "Avoid waste of equipment, supplies, ideas and energy.",
            },
            {
                "key": "equitable",
                "name": "Equitable",
                "group": "",
                "description": "Give care that does not vary in quality because of who a person is.",
            },
            {
                "key": "patient-centered",
                "name": "Patient-centered",
                "group": "",
                "description": "Respect each patient's needs, values and choices, and let them guide care.",
            },
        ],
    },
    {
        "key": "best-care",
        "name": "Best Care at Lower Cost: characteristics of a continuously learning health care system",
        "short_name": "Best Care at Lower Cost",
        "publisher": "Institute of Medicine",
        "year": 2013,
        "url": "https://doi.org/10.17226/13444",
        "description": (
            "This report described a health care system that learns all the "
            "time. It listed seven traits in four groups. It was released in "
            "2012, with the final edition dated 2013."
        ),
        "elements": [
            {
                "key": "real-time-access-to-knowledge",
                "name": "Real-time access to knowledge",
                "group": "Science and Informatics",
                "description": "Care teams and patients can get the best evidence when they need it.",
            },
            {
                "key": "digital-capture-of-care-experience",
                "name": "Digital capture of the care experience",
                "group": "Science and Informatics",
                "description": "Care is recorded in digital form so it can be used to learn and improve.",
            },
            {
                "key": "engaged-empowered-patients",
                "name": "Engaged, empowered patients",
                "group": "Patient-Clinician Partnerships",
                "description": "Patients and families are active partners in their care.",
            },
            {
                "key": "incentives-aligned-for-value",
                "name": "Incentives aligned for value",
                "group": "Incentives",
                "description": "Payment rewards good results and good use of resources.",
            },
            {
                "key": "full-transparency",
                "name": "Full transparency",
                "group": "Incentives",
                "description": "Results, prices and quality are open for all to see.",
            },
            {
                "key": "leadership-instilled-culture-of-learning",
                "name": "Leadership-instilled culture of learning",
                "group": "Continuous Learning Culture",
                "description": "Leaders build a culture that values learning and improvement.",
            },
            {
                "key": "supportive-system-competencies",
                "name": "Supportive system competencies",
                "group": "Continuous Learning Culture",
                "description": "The organization has the skills and systems it needs to keep improving.",
            },
        ],
    },
    {
        "key": "triple-aim",
        "name": "The Triple Aim",
        "short_name": "Triple Aim",
        "publisher": "Institute for Healthcare Improvement",
        "year": 2008,
        "url": "",
        "description": (
            "The Triple Aim, described in 2008, asks health systems to pursue "
            "three goals at once: a better care experience, better health for "
            "whole populations and lower cost per person."
        ),
        "elements": [
            {
                "key": "care-experience",
                "name": "Care experience",
                "group": "",
                "description": "Improve the experience of care for each patient.",
            },
            {
                "key": "population-health",
                "name": "Population health",
                "group": "",
                "description": "Improve the health of whole groups of people.",
            },
            {
                "key": "per-capita-cost",
                "name": "Per-capita cost",
                "group": "",
                "description": "Lower the cost of health care per person.",
            },
        ],
    },
    {
        "key": "quintuple-aim",
        "name": "The Quintuple Aim",
        "short_name": "Quintuple Aim",
        "publisher": "JAMA",
        "year": 2022,
        "url": "",
        "description": (
            "The Quintuple Aim grew out of the Triple Aim. The Quadruple Aim "
            "(2014) added the well-being of the care team. The Quintuple Aim "
            "(about 2022) added health equity."
        ),
        "elements": [
            {
                "key": "care-experience",
                "name": "Care experience",
                "group": "",
                "description": "Improve the experience of care for each patient.",
            },
            {
                "key": "population-health",
                "name": "Population health",
                "group": "",
                "description": "Improve the health of whole groups of people.",
            },
            {
                "key": "per-capita-cost",
                "name": "Per-capita cost",
                "group": "",
                "description": "Lower the cost of health care per person.",
            },
            {
                "key": "care-team-well-being",
                "name": "Care team well-being",
                "group": "",
                "description": "Support the health and well-being of the people who give care.",
            },
            {
                "key": "health-equity",
                "name": "Health equity",
                "group": "",
                "description": "Work so that everyone has a fair chance at good health.",
            },
        ],
    },
    {
        "key": "cms-nqs",
        "name": "CMS National Quality Strategy",
        "short_name": "CMS National Quality Strategy",
        "publisher": "Centers for Medicare & Medicaid Services",
        "year": 2022,
        "url": "",
        "description": (
            "The Centers for Medicare & Medicaid Services (CMS) set out its "
            "National Quality Strategy in 2022. It groups its goals into four "
            "priority areas."
        ),
        "elements": [
            {
                "key": "outcomes-and-alignment",
                "name": "Outcomes and Alignment",
                "group": "",
                "description": "Focus on results that matter and line up measures across programs.",
            },
            {
                "key": "equity-and-engagement",
                "name": "Equity and Engagement",
                "group": "",
                "description": "Advance fair care and involve people in their care.",
            },
            {
                "key": "safety-and-resiliency",
                "name": "Safety and Resiliency",
                "group": "",
                "description": "Prevent harm and help the health system withstand stress.",
            },
            {
                "key": "interoperability-and-scientific-advancement",
                "name": "Interoperability and Scientific Advancement",
                "group": "",
                "description": "Share data across systems and speed up science.",
            },
        ],
    },
]


# ---------------------------------------------------------------------------
# Sectors and stakeholders
# ---------------------------------------------------------------------------

SECTORS = [
    {
        "slug": "hospitals-and-health-systems",
        "name": "Hospitals and health systems",
        "description": "Hospitals and the networks of clinics and services that work with them.",
    },
    {
        "slug": "primary-care",
        "name": "Primary care",
        "description": "Family doctors, nurse practitioners and clinics where most people get most of their care.",
    },
    {
        "slug": "public-health",
        "name": "Public health",
        "description": "Agencies that protect and improve the health of whole communities.",
    },
    {
        "slug": "payers",
        "name": "Payers",
        "description": "Health plans, employers and public programs that pay for care.",
    },
    {
        "slug": "research-networks",
        "name": "Research networks",
        "description": "Groups that link research to everyday care to learn what works.",
    },
    {
        "slug": "community-organizations",
        "name": "Community organizations",
        "description": "Local groups that help people with needs that affect health, such as food and housing.",
    },
    {
        "slug": "government",
        "name": "Government",
        "description": "Federal, state and local agencies that run, fund or set rules for health care.",
    },
    {
        "slug": "pediatric-networks",
        "name": "Pediatric networks",
        "description": "Groups of children's hospitals and clinics that work together to improve care for children.",
    },
]

STAKEHOLDERS = [
    {
        "slug": "patients-and-families",
        "name": "Patients and families",
        "description": "People who receive care, and the family members and caregivers who support them.",
    },
    {
        "slug": "clinicians",
        "name": "Clinicians",
        "description": "Doctors, nurses, pharmacists, therapists and others who give care.",
    },
    {
        "slug": "health-system-leaders",
        "name": "Health system leaders",
        "description": "Executives, managers and boards who run health care organizations.",
    },
    {
        "slug": "payers",
        "name": "Payers",
        "description": "Health plans, employers and public programs that pay for care.",
    },
    {
        "slug": "researchers",
        "name": "Researchers",
        "description": "People who study health and health care to build new knowledge.",
    },
    {
        "slug": "policymakers",
        "name": "Policymakers",
        "description": "Lawmakers and officials who shape the rules and funding for health.",
    },
]


# ---------------------------------------------------------------------------
# Stories: publicly reported learning health system cases
# ---------------------------------------------------------------------------

STORIES = [
    {
        "slug": "improvecarenow-crohns-remission",
        "title": "Children with Crohn's disease reach remission more often",
        "summary": (
            "Pediatric clinics in the ImproveCareNow network learned together. "
            "More children with Crohn's disease reached remission, without "
            "new drugs (Pediatrics, 2012)."
        ),
        "organization": "ImproveCareNow, with Cincinnati Children's Hospital Medical Center",
        "place": "Cincinnati, Ohio, and about 85 centers",
        "sector": "pediatric-networks",
        "setting": "Pediatric specialty clinics",
        "date": "2012-04-01",
        "challenge": (
            "<p>Crohn's disease is a form of inflammatory bowel disease (IBD). "
            "It is a lifelong illness that can affect a child's growth, school "
            "and family life.</p>"
            "<p>Doctors wanted more children to reach remission, when the "
            "disease is quiet. They wanted to do it with the treatments they "
            "already had.</p>"
        ),
        "approach": (
            "<p>ImproveCareNow began in 2007, led from Cincinnati Children's. "
            "Pediatric IBD clinics joined together to learn as one "
            "network.</p>"
            "<p>Clinics used quality improvement methods and shared what they "
            "learned with each other. Over time, the network grew to about 85 "
            "centers.</p>"
        ),
        "results": (
            "<p>Among children with Crohn's disease, remission rose from 55% "
            "to 68%. This happened without any new drugs (Pediatrics, "
            "2012).</p>"
            "<p>The network kept improving. ImproveCareNow reported a "
            "network-wide remission rate of about 80% by 2015, across about 85 "
            "centers.</p>"
        ),
        "outcomes": [
            {
                "measure": "Children with Crohn's disease in remission",
                "before": "55",
                "after": "68",
                "change": "up 13 percentage points",
                "unit": "%",
                "timeframe": "",
                "source": "Pediatrics 2012",
            },
            {
                "measure": "Network-wide remission rate",
                "before": "",
                "after": "80",
                "change": "about 80% by 2015",
                "unit": "%",
                "timeframe": "by 2015",
                "source": "ImproveCareNow, 2015",
            },
            {
                "measure": "Care centers in the network",
                "before": "",
                "after": "85",
                "change": "",
                "unit": "centers",
                "timeframe": "by 2015",
                "source": "ImproveCareNow, 2015",
            },
        ],
        "financial": None,
        "commitments": ["effective", "adaptive", "engaged", "transparent"],
        "stakeholders": ["patients-and-families", "clinicians", "researchers"],
        "sources": [
            {
                "title": "Improved outcomes in a quality improvement "
                "collaborative for pediatric inflammatory bowel disease",
                "publisher": "Pediatrics",
                "year": 2012,
                "url": "https://doi.org/10.1542/peds.2011-1700",
            },
            {
                "title": "The year we became a community (ImproveCareNow review of 2015)",
                "publisher": "ImproveCareNow",
                "year": 2015,
                "url": "https://www.improvecarenow.org/the_year_we_became_a_community",
            },
        ],
        "quotes": [],
    },
    {
        "slug": "kaiser-hypertension-control",
        "title": "Many more patients get their blood pressure under control",
        "summary": (
            "Kaiser Permanente Northern California ran a large hypertension "
            "program. Blood pressure control rose from 43.6% to 80.4% from "
            "2001 to 2009, faster than the national rate (JAMA, 2013)."
        ),
        "organization": "Kaiser Permanente Northern California",
        "place": "Northern California",
        "sector": "hospitals-and-health-systems",
        "setting": "Health system clinics across a region",
        "date": "2013-08-21",
        "challenge": (
            "<p>High blood pressure raises the risk of heart attack and "
            "stroke. Yet it often goes uncontrolled.</p>"
            "<p>In 2001, fewer than half of the patients with high blood "
            "pressure in this health system had it under control: 43.6% "
            "(JAMA, 2013).</p>"
        ),
        "approach": (
            "<p>Kaiser Permanente Northern California started a large-scale "
            "hypertension program. It built a registry, or shared list, of "
            "about 650,000 patients with high blood pressure (JAMA, 2013).</p>"
            "<p>A registry like this lets care teams see who needs help and "
            "follow progress over time.</p>"
        ),
        "results": (
            "<p>Blood pressure control rose from 43.6% in 2001 to 80.4% in "
            "2009. Over the same years, control across the United States rose "
            "from 55.4% to 64.1% (JAMA, 2013).</p>"
        ),
        "outcomes": [
            {
                "measure": "Patients with high blood pressure whose blood pressure was under control",
                "before": "43.6",
                "after": "80.4",
                "change": "up 36.8 percentage points",
                "unit": "%",
                "timeframe": "2001\u20132009",
                "source": "JAMA 2013;310:699",
            },
            {
                "measure": "National blood pressure control, for comparison",
                "before": "55.4",
                "after": "64.1",
                "change": "up 8.7 percentage points",
                "unit": "%",
                "timeframe": "2001\u20132009",
                "source": "JAMA 2013;310:699",
            },
            {
                "measure": "Patients in the hypertension registry",
                "before": "",
                "after": "650000",
                "change": "about 650,000",
                "unit": "patients",
                "timeframe": "",
                "source": "JAMA 2013;310:699",
            },
        ],
        "financial": None,
        "commitments": ["effective", "accountable", "engaged"],
        "stakeholders": [
            "patients-and-families",
            "clinicians",
            "health-system-leaders",
        ],
        "sources": [
            {
                "title": "Improved blood pressure control associated with a large-scale hypertension program",
                "publisher": "JAMA",
                "year": 2013,
                "url": "https://doi.org/10.1001/jama.2013.108769",
            },
        ],
        "quotes": [],
    },
    {
        "slug": "kaiser-sepsis-care",
        "title": "Hospitals treat sepsis more reliably, and fewer patients die",
        "summary": (
            "Kaiser Permanente Northern California improved sepsis care in its "
            "21 hospitals. Far more patients got the full set of proven "
            "treatments, and sepsis deaths fell by over 40%."
        ),
        "organization": "Kaiser Permanente Northern California",
        "place": "Northern California (21 hospitals)",
        "sector": "hospitals-and-health-systems",
        "setting": "Hospitals",
        "date": "2012-11-14",
        "challenge": (
            "<p>Sepsis is the body's extreme response to an infection. It can "
            "become life-threatening quickly, so fast and reliable treatment "
            "matters.</p>"
        ),
        "approach": (
            "<p>In 2008, Kaiser Permanente Northern California began a sepsis "
            "program across its 21 hospitals. Teams worked to give patients a "
            "set of proven treatment steps, called a bundle.</p>"
            "<p>Hospitals tracked how often patients got the whole bundle. "
            "They used those results to keep improving.</p>"
        ),
        "results": (
            "<p>The share of patients who got the whole bundle rose from 7.3% "
            "to 55.1% (Critical Care, 2012).</p>"
            "<p>Kaiser Permanente reported that deaths among hospital patients "
            "with sepsis fell by more than 40% (Kaiser Permanente, 2011).</p>"
        ),
        "outcomes": [
            {
                "measure": "Patients who got the full sepsis treatment bundle",
                "before": "7.3",
                "after": "55.1",
                "change": "up 47.8 percentage points",
                "unit": "%",
                "timeframe": "2009\u20132010",
                "source": "Critical Care 2012;16(Suppl 3):P12",
            },
            {
                "measure": "Deaths among hospital patients with sepsis",
                "before": "",
                "after": "",
                "change": "down over 40%",
                "unit": "%",
                "timeframe": "since 2008",
                "source": "Kaiser Permanente, 2011",
            },
        ],
        "financial": None,
        "commitments": ["safe", "effective", "adaptive"],
        "stakeholders": [
            "patients-and-families",
            "clinicians",
            "health-system-leaders",
        ],
        "sources": [
            {
                "title": "Kaiser Permanente Northern California sepsis "
                "mortality reduction initiative (conference abstract)",
                "publisher": "Critical Care",
                "year": 2012,
                "url": "https://doi.org/10.1186/cc11699",
            },
            {
                "title": "Saving lives through better sepsis care",
                "publisher": "Kaiser Permanente",
                "year": 2011,
                "url": "https://share.kaiserpermanente.org/article/saving-lives-through-better-sepsis-care/",
            },
        ],
        "quotes": [],
    },
    {
        "slug": "geisinger-provencare-bypass",
        "title": "Heart bypass surgery that comes with a warranty",
        "summary": (
            "Geisinger built proven steps into every heart bypass surgery and "
            'offered it for a fixed "warranty" price. Hospital stays got '
            "shorter, and 30-day readmissions fell 44%."
        ),
        "organization": "Geisinger",
        "place": "Central Pennsylvania",
        "sector": "hospitals-and-health-systems",
        "setting": "Heart surgery program",
        "date": "2009-03-31",
        "challenge": (
            "<p>Heart bypass surgery is a major operation. If problems happen "
            "afterward, patients may have to go back to the hospital. That is "
            "hard on patients, and it adds cost.</p>"
        ),
        "approach": (
            "<p>In 2006, Geisinger launched ProvenCare for heart bypass "
            "surgery. The team agreed on a set of proven care steps to use "
            "for every patient.</p>"
            "<p>Geisinger offered this care for one fixed price, like a "
            "warranty. That gave the whole team a strong reason to get care "
            "right the first time.</p>"
        ),
        "results": (
            "<p>The average hospital stay dropped from 6.2 days to 5.7 days. "
            "Readmissions within 30 days of surgery fell by 44% (Geisinger "
            "reports on ProvenCare).</p>"
        ),
        "outcomes": [
            {
                "measure": "Average length of hospital stay",
                "before": "6.2",
                "after": "5.7",
                "change": "down 0.5 days",
                "unit": "days",
                "timeframe": "after 2006",
                "source": "Geisinger reports on ProvenCare",
            },
            {
                "measure": "Readmissions within 30 days",
                "before": "",
                "after": "",
                "change": "down 44%",
                "unit": "%",
                "timeframe": "after 2006",
                "source": "Geisinger reports on ProvenCare",
            },
        ],
        "financial": None,
        "commitments": ["accountable", "safe", "efficient"],
        "stakeholders": [
            "patients-and-families",
            "clinicians",
            "health-system-leaders",
            "payers",
        ],
        "sources": [
            {
                "title": "For this health system, less is more (news report on Geisinger's ProvenCare warranty)",
                "publisher": "The Washington Post",
                "year": 2009,
                "url": "",
            },
            {
                "title": "Geisinger links quality with reimbursement: coronary artery bypass graft surgery",
                "publisher": "Pennsylvania Patient Safety Advisory",
                "year": 2007,
                "url": "",
            },
        ],
        "quotes": [],
    },
    {
        "slug": "intermountain-early-inductions",
        "title": "Fewer babies are delivered early without a medical reason",
        "summary": (
            "Intermountain Healthcare cut elective deliveries before 39 weeks "
            "from 28% to under 3% by 2007. The change saved at least $1 "
            "million a year."
        ),
        "organization": "Intermountain Healthcare",
        "place": "Utah",
        "sector": "hospitals-and-health-systems",
        "setting": "Hospital labor and delivery units",
        "date": "2011-07-14",
        "challenge": (
            "<p>Sometimes labor is started early by choice, not for a medical "
            "reason. This is called an elective induction.</p>"
            "<p>At Intermountain, 28% of elective deliveries happened before "
            "39 weeks of pregnancy (Intermountain Healthcare reports).</p>"
        ),
        "approach": (
            "<p>Intermountain looked closely at its own data on early "
            "deliveries. Care teams then changed how they decided when to "
            "start labor by choice.</p>"
            "<p>The health system kept tracking the results over time.</p>"
        ),
        "results": (
            "<p>By 2007, elective deliveries before 39 weeks fell from 28% to "
            "under 3% (Intermountain Healthcare reports).</p>"
            "<p>The change saved at least $1 million a year in medical costs "
            "(Reuters, 2011).</p>"
        ),
        "outcomes": [
            {
                "measure": "Elective deliveries before 39 weeks",
                "before": "28",
                "after": "",
                "change": "down to under 3%",
                "unit": "%",
                "timeframe": "by 2007",
                "source": "Intermountain Healthcare reports",
            },
            {
                "measure": "Yearly savings",
                "before": "",
                "after": "1000000",
                "change": "at least $1 million a year",
                "unit": "US dollars",
                "timeframe": "per year",
                "source": "Reuters, 2011",
            },
        ],
        "financial": {
            "investment": "Not reported",
            "return": "At least $1 million saved each year",
            "ratio": "",
            "source": "Reuters, 2011",
        },
        "commitments": ["safe", "effective", "efficient"],
        "stakeholders": ["patients-and-families", "clinicians", "payers"],
        "sources": [
            {
                "title": "Ad hoc efforts help cut healthcare costs",
                "publisher": "Reuters",
                "year": 2011,
                "url": "https://www.reuters.com/article/us-usa-healthcare-costs-idUSTRE76D6TV20110714",
            },
            {
                "title": "How Intermountain trimmed health care costs through robust quality improvement efforts",
                "publisher": "Health Affairs",
                "year": 2011,
                "url": "https://doi.org/10.1377/hlthaff.2011.0358",
            },
        ],
        "quotes": [],
    },
    {
        "slug": "va-mrsa-prevention",
        "title": "Veterans Affairs hospitals cut MRSA infections",
        "summary": (
            "VA hospitals began checking patients for MRSA when they arrived. "
            "Screening rose from 82% to 96%, and MRSA infections in intensive "
            "care units fell by over 60% (NEJM, 2011)."
        ),
        "organization": "U.S. Department of Veterans Affairs",
        "place": "VA hospitals across the United States",
        "sector": "government",
        "setting": "Hospitals, including intensive care units",
        "date": "2011-04-14",
        "challenge": (
            "<p>MRSA is a germ that common antibiotics often cannot kill. It "
            "can cause serious infections in hospital patients.</p>"
        ),
        "approach": (
            "<p>In 2007, the Veterans Affairs (VA) health system began a "
            "national effort to prevent MRSA infections.</p>"
            "<p>A key step was checking patients for MRSA when they were "
            "admitted to the hospital. Hospitals tracked how often this "
            "screening happened, and how many infections occurred.</p>"
        ),
        "results": (
            "<p>Screening at admission rose from 82% to 96%. MRSA infections "
            "in intensive care units fell by more than 60% (NEJM, 2011).</p>"
        ),
        "outcomes": [
            {
                "measure": "Patients screened for MRSA at admission",
                "before": "82",
                "after": "96",
                "change": "up 14 percentage points",
                "unit": "%",
                "timeframe": "after 2007",
                "source": "NEJM 2011;364:1419",
            },
            {
                "measure": "MRSA infections in intensive care units",
                "before": "",
                "after": "",
                "change": "down over 60%",
                "unit": "%",
                "timeframe": "after 2007",
                "source": "NEJM 2011;364:1419",
            },
        ],
        "financial": None,
        "commitments": ["safe", "accountable", "effective"],
        "stakeholders": ["patients-and-families", "clinicians", "policymakers"],
        "sources": [
            {
                "title": "Veterans Affairs initiative to prevent "
                "methicillin-resistant Staphylococcus aureus infections",
                "publisher": "New England Journal of Medicine",
                "year": 2011,
                "url": "https://doi.org/10.1056/NEJMoa1007474",
            },
        ],
        "quotes": [],
    },
    {
        "slug": "group-health-medical-home",
        "title": "A primary care medical home cuts emergency visits",
        "summary": (
            "Group Health Cooperative rebuilt primary care as a medical home. "
            "Patients had 29% fewer emergency visits and 6% fewer hospital "
            "stays, and about $1.50 came back for each $1 invested."
        ),
        "organization": "Group Health Cooperative",
        "place": "Seattle, Washington",
        "sector": "primary-care",
        "setting": "Primary care clinics",
        "date": "2010-05-01",
        "challenge": (
            "<p>Primary care is where many health problems can be caught early "
            "and managed. When primary care is hard to reach, people may end "
            "up in the emergency room instead.</p>"
        ),
        "approach": (
            '<p>Group Health Cooperative tested a "medical home" model of '
            "primary care. In a medical home, a care team knows the patient "
            "and helps coordinate all of their care.</p>"
            "<p>Results were compared with other Group Health clinics "
            "(Health Affairs, 2010).</p>"
        ),
        "results": (
            "<p>Patients in the medical home had 29% fewer emergency visits "
            "and 6% fewer hospital stays (Health Affairs, 2010).</p>"
            "<p>For each $1 invested, about $1.50 came back (Health Affairs, "
            "2010).</p>"
        ),
        "outcomes": [
            {
                "measure": "Emergency room visits",
                "before": "",
                "after": "",
                "change": "29% fewer",
                "unit": "%",
                "timeframe": "",
                "source": "Health Affairs 2010",
            },
            {
                "measure": "Hospital stays",
                "before": "",
                "after": "",
                "change": "6% fewer",
                "unit": "%",
                "timeframe": "",
                "source": "Health Affairs 2010",
            },
        ],
        "financial": {
            "investment": "Added investment in the medical home model",
            "return": "About $1.50 returned for each $1 invested",
            "ratio": "1.50",
            "source": "Health Affairs 2010",
        },
        "commitments": ["accessible", "engaged", "efficient"],
        "stakeholders": [
            "patients-and-families",
            "clinicians",
            "payers",
            "health-system-leaders",
        ],
        "sources": [
            {
                "title": "The Group Health medical home at year two: cost "
                "savings, higher patient satisfaction, and less burnout for "
                "providers",
                "publisher": "Health Affairs",
                "year": 2010,
                "url": "https://doi.org/10.1377/hlthaff.2010.0158",
            },
        ],
        "quotes": [],
    },
    {
        "slug": "sps-childrens-hospitals-safety",
        "title": "Children's hospitals work together to prevent harm",
        "summary": (
            "Children's hospitals in the Solutions for Patient Safety network "
            "learn from each other. By 2023, the network reported over 25,000 "
            "children spared harm and about $510 million saved."
        ),
        "organization": "Children's Hospitals' Solutions for Patient Safety (SPS)",
        "place": "Children's hospitals in the United States and Canada",
        "sector": "pediatric-networks",
        "setting": "Children's hospitals",
        "date": "2023-12-13",
        "challenge": (
            "<p>Even in good hospitals, care can sometimes cause harm that no "
            "one intended. Children's hospitals wanted to find and stop that "
            "harm.</p>"
        ),
        "approach": (
            "<p>Children's hospitals formed a network to work on safety "
            "together. Member hospitals share safety data and the practices "
            "that work.</p>"
            "<p>When one hospital finds a better way, others can learn from it "
            "quickly.</p>"
        ),
        "results": (
            "<p>By 2023, the network reported that more than 25,000 children "
            "had been spared harm. It estimated about $510 million in savings "
            "(Solutions for Patient Safety, 2023).</p>"
        ),
        "outcomes": [
            {
                "measure": "Children spared serious harm",
                "before": "",
                "after": "25000",
                "change": "more than 25,000",
                "unit": "children",
                "timeframe": "through 2023",
                "source": "Solutions for Patient Safety, 2023",
            },
            {
                "measure": "Estimated health care savings",
                "before": "",
                "after": "510000000",
                "change": "about $510 million",
                "unit": "US dollars",
                "timeframe": "through 2023",
                "source": "Solutions for Patient Safety, 2023",
            },
        ],
        "financial": {
            "investment": "Not reported",
            "return": "About $510 million in estimated savings by 2023",
            "ratio": "",
            "source": "Solutions for Patient Safety, 2023",
        },
        "commitments": ["safe", "transparent", "adaptive"],
        "stakeholders": [
            "patients-and-families",
            "clinicians",
            "health-system-leaders",
        ],
        "sources": [
            {
                "title": "Solutions for Patient Safety (SPS) Network "
                "celebrates 25,000 children spared from serious harm (news "
                "release)",
                "publisher": "Children's Hospitals' Solutions for Patient Safety",
                "year": 2023,
                "url": "https://www.prnewswire.com/news-releases/"
                "solutions-for-patient-safety-sps-network-celebrates-25-000-"
                "children-spared-from-serious-harm-302013207.html",
            },
        ],
        "quotes": [],
    },
    {
        "slug": "nationwide-learn-from-every-patient",
        "title": "A cerebral palsy clinic learns from every patient",
        "summary": (
            "Nationwide Children's Hospital built learning into care for "
            "children with cerebral palsy. Inpatient days fell 43%, costs fell "
            "25%, and about $6 came back for each $1 invested."
        ),
        "organization": "Nationwide Children's Hospital",
        "place": "Columbus, Ohio",
        "sector": "hospitals-and-health-systems",
        "setting": "Pediatric cerebral palsy clinic",
        "date": "2018-01-01",
        "challenge": (
            "<p>Children with cerebral palsy may need a lot of care over many "
            "years. Time in the hospital is hard on children and families, "
            "and it is costly.</p>"
        ),
        "approach": (
            "<p>The hospital's cerebral palsy clinic started a program called "
            '"Learn From Every Patient." It built learning into everyday '
            "care.</p>"
            "<p>Facts gathered during each visit were used to make care "
            "better. They were also used to answer research questions.</p>"
        ),
        "results": (
            "<p>Inpatient days fell by 43%, and costs fell by 25%. The program "
            "returned about $6 for each $1 invested (Pediatric Quality and "
            "Safety, 2018).</p>"
        ),
        "outcomes": [
            {
                "measure": "Inpatient days",
                "before": "",
                "after": "",
                "change": "down 43%",
                "unit": "%",
                "timeframe": "",
                "source": "Pediatric Quality and Safety 2018;3:e100",
            },
            {
                "measure": "Costs of care",
                "before": "",
                "after": "",
                "change": "down 25%",
                "unit": "%",
                "timeframe": "",
                "source": "Pediatric Quality and Safety 2018;3:e100",
            },
        ],
        "financial": {
            "investment": "Investment in the Learn From Every Patient program",
            "return": "About $6 returned for each $1 invested",
            "ratio": "6.00",
            "source": "Pediatric Quality and Safety 2018;3:e100",
        },
        "commitments": ["adaptive", "effective", "efficient", "engaged"],
        "stakeholders": [
            "patients-and-families",
            "clinicians",
            "researchers",
            "health-system-leaders",
        ],
        "sources": [
            {
                "title": "Report on the Learn From Every Patient program, including its return on investment",
                "publisher": "Pediatric Quality and Safety",
                "year": 2018,
                "url": "https://doi.org/10.1097/pq9.0000000000000100",
            },
            {
                "title": '"Learn From Every Patient": implementation and early results of a learning health system',
                "publisher": "Developmental Medicine and Child Neurology",
                "year": 2017,
                "url": "https://doi.org/10.1111/dmcn.13227",
            },
        ],
        "quotes": [],
    },
]


# ---------------------------------------------------------------------------
# Resources
# ---------------------------------------------------------------------------

_CONVERSATION_GUIDE_TEXT = """\
SHARED COMMITMENTS CONVERSATION GUIDE
How to talk with your team about the ten Shared Commitments

WHY TALK ABOUT THEM?
The ten Shared Commitments describe health and health care that is engaged,
safe, effective, equitable, efficient, accessible, accountable, transparent,
secure and adaptive. They come from the National Academy of Medicine. A short
team talk can show where you are strong and where to start.

BEFORE YOU MEET
- Invite a mix of people: front-line staff, managers and leaders.
- If you can, invite a patient or family member too.
- Plan for 45 to 60 minutes.
- Send the list of the ten commitments ahead of time.
- Ask one person to take notes.

STEP 1. START WITH A STORY (10 MINUTES)
Ask each person to share a time when care went well for a patient.
Which commitments showed up in that story?

STEP 2. GO THROUGH THE LIST (20 MINUTES)
For each commitment, ask: "What does this look like here today?"
Rate each one as "strong," "growing" or "not yet."
Do not aim for perfect answers. The goal is a shared picture.

STEP 3. PICK ONE OR TWO PRIORITIES (10 MINUTES)
Choose the commitments where a change would matter most to patients.
Then ask: "What is one small step we can test in the next month?"

STEP 4. DECIDE HOW YOU WILL KNOW (5 MINUTES)
Choose one simple sign of progress. It could be a number you already
track. It could also be a question you ask patients.

STEP 5. CLOSE AND FOLLOW UP (5 MINUTES)
Agree on who will do what, and by when. Set a date to meet again and
look at what you learned.

QUESTIONS THAT HELP
- Whose voice is missing from this conversation?
- Where do our results differ between groups of patients?
- What do we measure that patients would not care about?
- What do patients care about that we do not measure?
- What could we share more openly to earn more trust?

TIPS
- Keep it short and honest. Small steps are fine.
- Use plain words. Spell out any short forms.
- Thank people for naming problems. That is how learning starts.
- Write down what you decide, and share the notes with everyone.

SHARE WHAT YOU LEARN
The National Academy of Medicine wants to hear how organizations are
working toward a learning health system. Take the survey on the LHS Commons
site (/engage/survey/), or write to LHSSharedCommitments@nas.edu.
"""

_NAM_PAPER_NOTE_TEXT = """\
SHARED COMMITMENTS FOR HEALTH AND HEALTH CARE:
A TRUST FRAMEWORK FROM THE LEARNING HEALTH SYSTEM

Citation
McGinnis JM, Fineberg HV, Dzau VJ. Shared Commitments for Health and Health
Care: A Trust Framework from the Learning Health System. NAM Perspectives.
Commentary, National Academy of Medicine, December 2024.

What the paper does
- It sets out ten Shared Commitments for health and health care.
- It offers them as a trust framework: shared expectations for health
  systems, on behalf of everyone who cares for health.
- It builds on about two decades of National Academy of Medicine work,
  including To Err Is Human (1999), Crossing the Quality Chasm (2001) and
  Best Care at Lower Cost (2012/2013).

The ten Shared Commitments
Health and health care that is engaged, safe, effective, equitable,
efficient, accessible, accountable, transparent, secure and adaptive.

How to find it
Search for the full title on the National Academy of Medicine website.
"""

_WEBINAR_TEXT = """\
INTRODUCTION TO THE SHARED COMMITMENTS: AN INTRODUCTORY WEBINAR

Date: 20 January 2027
Format: Online webinar

Who it is for
Anyone who wants to learn about the Shared Commitments. This includes
patients and families, clinicians, health system leaders, payers,
researchers and policymakers. No background knowledge is needed.

What we will cover
- What a learning health system is, in plain language
- The ten Shared Commitments and what they mean in daily care
- How the Strategy Group and working groups are organized
- How you can take part: the survey, sharing your story and partnering

How to join
Time and sign-up details will be posted on LHS Commons closer to the date.
To ask a question ahead of time, write to LHSSharedCommitments@nas.edu.
"""

RESOURCES = [
    {
        "title": "Shared Commitments for Health and Health Care: A Trust Framework from the Learning Health System",
        "kind": "commentary",
        "date": "2024-12-16",
        "summary": (
            "A NAM Perspectives paper by McGinnis, Fineberg and Dzau. It sets "
            "out the ten Shared Commitments as a trust framework for health "
            "and health care."
        ),
        "url": "",
        "document": {
            "filename": "shared-commitments-paper-summary.pdf",
            "text": _NAM_PAPER_NOTE_TEXT,
        },
    },
    {
        "title": "Best Care at Lower Cost: The Path to Continuously Learning Health Care in America",
        "kind": "report",
        "date": "2012-09-01",
        "summary": (
            "Institute of Medicine report that describes a learning health "
            "care system and seven traits it needs, in four groups. Released "
            "in 2012; final edition dated 2013."
        ),
        "url": "https://doi.org/10.17226/13444",
        "document": None,
    },
    {
        "title": "Crossing the Quality Chasm: A New Health System for the 21st Century",
        "kind": "report",
        "date": "2001-03-01",
        "summary": (
            "Institute of Medicine report that named six aims for health care: "
            "safe, timely, effective, efficient, equitable and "
            "patient-centered."
        ),
        "url": "https://doi.org/10.17226/10027",
        "document": None,
    },
    {
        "title": "To Err Is Human: Building a Safer Health System",
        "kind": "report",
        "date": "1999-11-01",
        "summary": (
            "Institute of Medicine report that called national attention to "
            "patient safety. It is one of the reports the Shared Commitments "
            "build on."
        ),
        "url": "https://doi.org/10.17226/9728",
        "document": None,
    },
    {
        "title": "Shared Commitments conversation guide",
        "kind": "toolkit",
        "date": "2026-12-01",
        "summary": (
            "A step-by-step guide for a one-hour team talk about the ten "
            "Shared Commitments: where you are strong and where to start."
        ),
        "url": "",
        "document": {
            "filename": "shared-commitments-conversation-guide.pdf",
            "text": _CONVERSATION_GUIDE_TEXT,
        },
    },
    {
        "title": "Introduction to the Shared Commitments (webinar)",
        "kind": "webinar",
        "date": "2027-01-20",
        "summary": (
            "An upcoming online session for anyone new to the Shared "
            "Commitments. Learn what a learning health system is and how to "
            "take part."
        ),
        "url": "",
        "document": {
            "filename": "shared-commitments-intro-webinar.pdf",
            "text": _WEBINAR_TEXT,
        },
    },
]
