#!/usr/bin/env python3
"""Generate the Steward demo portfolio ("Northwind Logistics") as CSV files.

Python 3.11+, standard library only, deterministic (fixed random seed).
Run from anywhere:  python3 assets/demo/make_demo.py
Writes the CSV files and manifest.json next to this script.

All dates are written as if "today" were 2026-11-22 and the last complete
month of data is 2026-10. The app's loader shifts every date by whole months
so that the last data month becomes the month before the day of loading.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import random
from pathlib import Path

OUT = Path(__file__).resolve().parent
SEED = 20261022
rng = random.Random(SEED)

COMPANY = "Northwind Logistics"
REPORTING_CURRENCY = "EUR"
LAST_DATA_MONTH = "2026-10"
FIRST_DATA_MONTH = "2025-05"


# ---------------------------------------------------------------- helpers
def ym_add(ym: str, n: int) -> str:
    y, m = map(int, ym.split("-"))
    t = y * 12 + (m - 1) + n
    return f"{t // 12:04d}-{t % 12 + 1:02d}"


def ym_diff(a: str, b: str) -> int:
    """Months from a to b."""
    ya, ma = map(int, a.split("-"))
    yb, mb = map(int, b.split("-"))
    return (yb * 12 + mb) - (ya * 12 + ma)


MONTHS = [ym_add(FIRST_DATA_MONTH, i) for i in range(18)]
assert MONTHS[-1] == LAST_DATA_MONTH


def money(x: float) -> str:
    return f"{x:.2f}"


def yn(b: bool | None) -> str:
    if b is None:
        return ""
    return "yes" if b else "no"


def step(schedule: dict[str, int], ym: str) -> int | None:
    """Value of a step function given as {YYYY-MM: value} at month ym."""
    val = None
    for k in sorted(schedule):
        if k <= ym:
            val = schedule[k]
    return val


def interp(knots: list[tuple[str, float]], ym: str) -> float:
    """Piecewise-linear interpolation over (YYYY-MM, value) knots."""
    if ym <= knots[0][0]:
        return knots[0][1]
    for (m0, v0), (m1, v1) in zip(knots, knots[1:]):
        if m0 <= ym <= m1:
            span = ym_diff(m0, m1) or 1
            return v0 + (v1 - v0) * ym_diff(m0, ym) / span
    return knots[-1][1]


def growth(ym: str, start: str, end: str, a: float, b: float) -> float:
    """Exponential growth from a (at start) to b (at end)."""
    span = ym_diff(start, end) or 1
    t = max(0.0, min(1.0, ym_diff(start, ym) / span))
    return a * (b / a) ** t


# Peak season for a logistics firm: Nov/Dec (and a smaller bump in March).
SEASON = {"01": 0.93, "02": 0.95, "03": 1.04, "04": 0.98, "05": 1.0, "06": 1.0,
          "07": 0.95, "08": 0.92, "09": 1.02, "10": 1.05, "11": 1.12, "12": 1.08}


def season(ym: str) -> float:
    return SEASON[ym[5:]]


def noise(sd: float = 0.05) -> float:
    return max(0.7, 1.0 + rng.gauss(0.0, sd))


def write_csv(name: str, header: list[str], rows: list[list]) -> None:
    with open(OUT / name, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)  # RFC 4180: minimal quoting, CRLF line endings
        w.writerow(header)
        for r in rows:
            assert len(r) == len(header), (name, r)
            w.writerow(["" if v is None else v for v in r])


# ---------------------------------------------------------------- people
# The recurring cast (name -> role, department). Used for owners everywhere.
PEOPLE = {
    "Katharina Vogel": ("Chief Operating Officer", "Operations"),
    "Lars Johansson": ("Chief Financial Officer", "Finance"),
    "Daniel Okafor": ("Head of AI Operations", "IT"),
    "Tomasz Nowak": ("Head of IT", "IT"),
    "Felix Braun": ("Chief Information Security Officer", "IT"),
    "Ravi Mehta": ("IT Service Manager", "IT"),
    "Priya Raman": ("VP Engineering", "Engineering"),
    "Jakub Svoboda": ("Principal Platform Engineer", "Engineering"),
    "Aisha Bello": ("Head of Data & Analytics", "Data & Analytics"),
    "Mehmet Yilmaz": ("ML Engineering Lead", "Data & Analytics"),
    "Sofia Marchetti": ("Head of Customer Service", "Customer Service"),
    "Chloé Dubois": ("Customer Service Operations Lead", "Customer Service"),
    "Ingrid Halvorsen": ("Director Warehouse Operations", "Operations"),
    "Rafael Gómez": ("Customs & Trade Compliance Manager", "Operations"),
    "Hannah Schreiber": ("Sales Director", "Sales"),
    "Lukas Becker": ("Sales Operations Manager", "Sales"),
    "Oliver Bennett": ("Marketing Director", "Marketing"),
    "Freya Thompson": ("Content Marketing Lead", "Marketing"),
    "Emma Lindqvist": ("HR Director", "HR"),
    "Julia Kowalski": ("Talent Acquisition Lead", "HR"),
    "Jean-Luc Moreau": ("General Counsel", "Legal"),
    "Niamh O'Connor": ("Data Protection Officer", "Legal"),
    "Marco de Vries": ("Head of Procurement", "Procurement"),
    "Ana Ribeiro": ("Finance Controller", "Finance"),
}

DEPARTMENTS = ["Customer Service", "Finance", "Engineering", "Operations", "Sales",
               "Marketing", "HR", "Legal", "IT", "Procurement", "Data & Analytics"]

COST_CENTERS = {
    "Finance": "CC-1100 Finance", "Procurement": "CC-1200 Procurement",
    "HR": "CC-1300 HR", "Legal": "CC-1400 Legal", "Operations": "CC-2100 Operations",
    "Customer Service": "CC-3100 Customer Service", "Sales": "CC-4100 Sales",
    "Marketing": "CC-4200 Marketing", "Engineering": "CC-5100 Engineering",
    "IT": "CC-5200 IT", "Data & Analytics": "CC-5300 Data & Analytics",
}

# ---------------------------------------------------------------- vendors
VENDOR_HEADER = ["name", "legal_name", "website", "country", "vendor_type", "criticality",
                 "relationship_owner", "review_status", "review_date", "trains_on_data",
                 "data_residency", "notes"]

VENDORS = [
    ["OpenAI", "OpenAI Ireland Limited", "https://openai.com", "IE", "model_provider", "critical",
     "Daniel Okafor", "approved", "2026-01-20", False, "EU (Europe data residency)",
     "ChatGPT Enterprise and API platform. Zero data retention enabled for the customs API project; "
     "enterprise terms exclude training on business data."],
    ["Anthropic", "Anthropic Ireland, Limited", "https://www.anthropic.com", "IE", "model_provider", "high",
     "Jakub Svoboda", "approved_with_conditions", "2025-08-28", False, "US",
     "Condition: no restricted data via the API until EU processing is available in our region; "
     "commercial terms exclude training."],
    ["Microsoft", "Microsoft Ireland Operations Limited", "https://www.microsoft.com", "IE",
     "platform_embedded", "critical", "Tomasz Nowak", "approved", "2025-05-12", False,
     "EU (EU Data Boundary)",
     "Azure OpenAI and Copilot Studio bought direct under the Azure commitment; "
     "Microsoft 365 Copilot licences are bought through SoftwareOne."],
    ["GitHub", "GitHub, Inc.", "https://github.com", "US", "ai_saas", "high", "Priya Raman",
     "approved", "2025-11-17", False, "US",
     "Copilot Business: prompts and suggestions not retained for training; public-code filter enforced."],
    ["Google Cloud", "Google Cloud EMEA Limited", "https://cloud.google.com", "IE", "model_provider",
     "medium", "Aisha Bello", "in_review", "2026-07-01", False, "EU (europe-west3 Frankfurt)",
     "Vertex AI evaluation for multimodal damage assessment; security questionnaire still open."],
    ["AWS", "Amazon Web Services EMEA SARL", "https://aws.amazon.com", "LU", "model_provider",
     "critical", "Tomasz Nowak", "approved", "2025-03-04", False, "EU (eu-central-1 Frankfurt)",
     "Bedrock and SageMaker under the Enterprise Discount Program; main cloud provider."],
    ["Salesforce", "Salesforce, Inc.", "https://www.salesforce.com", "US", "platform_embedded", "high",
     "Lukas Becker", "approved", "2025-02-24", False, "EU (Hyperforce Frankfurt)",
     "Einstein features run through the Einstein Trust Layer (zero retention at LLM providers)."],
    ["ServiceNow", "ServiceNow Nederland B.V.", "https://www.servicenow.com", "NL",
     "platform_embedded", "high", "Ravi Mehta", "approved", "2026-03-02", False,
     "EU (Amsterdam / Dublin)", "Now Assist for ITSM Pro Plus, data sharing for model improvement opted out."],
    ["Zendesk", "Zendesk, Inc.", "https://www.zendesk.com", "US", "platform_embedded", "high",
     "Chloé Dubois", "approved_with_conditions", "2024-09-23", True, "EU (Frankfurt / Dublin)",
     "Zendesk may use aggregated service data to improve its models; opt-out requested 2024-10, "
     "confirmation still outstanding."],
    ["Notion", "Notion Labs, Inc.", "https://www.notion.so", "US", "ai_saas", "low", "Freya Thompson",
     "approved", "2024-06-24", False, "US", "Notion AI on Business plan; no training on workspace content."],
    ["Grammarly", "Grammarly, Inc.", "https://www.grammarly.com", "US", "ai_saas", "low",
     "Oliver Bennett", "approved", "2024-02-26", False, "US",
     "Business plan. Overlaps with Copilot/ChatGPT writing features; utilisation under review."],
    ["DeepL", "DeepL SE", "https://www.deepl.com", "DE", "ai_saas", "medium", "Rafael Gómez",
     "approved", "2025-02-17", False, "EU (Germany)",
     "Pro Advanced seats and API Pro; texts deleted after translation."],
    ["Otter.ai", "Otter.ai, Inc.", "https://otter.ai", "US", "ai_saas", "low", "Lukas Becker",
     "approved_with_conditions", "2026-04-08", True, "US",
     "Trains on de-identified audio/transcripts. Restricted to internal meetings with recorded consent "
     "until the works-council agreement is signed."],
    ["UiPath", "UiPath SRL", "https://www.uipath.com", "RO", "ai_saas", "high", "Ana Ribeiro",
     "approved", "2025-06-30", False, "EU (Automation Cloud EU)",
     "Document Understanding and Autopilot on Automation Cloud; platform units prepaid annually."],
    ["Databricks", "Databricks, Inc.", "https://www.databricks.com", "US", "platform_embedded",
     "critical", "Aisha Bello", "approved", "2025-09-15", False, "EU (AWS eu-central-1)",
     "Lakehouse and Mosaic AI for internal models; DBU commitment with overage."],
    ["Glean", "Glean Technologies, Inc.", "https://www.glean.com", "US", "ai_saas", "medium",
     "Daniel Okafor", "approved", "2025-10-13", False, "EU (Frankfurt)",
     "Enterprise search across SharePoint, Confluence, Zendesk and Salesforce; permissions-aware."],
    ["Mistral AI", "Mistral AI SAS", "https://mistral.ai", "FR", "model_provider", "low",
     "Jakub Svoboda", "approved_with_conditions", "2025-10-06", False, "EU (France)",
     "EU-sovereign fallback model provider. Condition: paid tier only (training opt-out)."],
    ["Workday", "Workday Limited", "https://www.workday.com", "IE", "platform_embedded", "high",
     "Emma Lindqvist", "approved_with_conditions", "2025-05-26", None, "EU (Ireland)",
     "HiredScore AI for Recruiting. Whether customer data improves vendor models is not yet confirmed "
     "in writing; provider obligations for high-risk AI requested."],
    ["Cognigy", "Cognigy GmbH", "https://www.cognigy.com", "DE", "ai_saas", "medium",
     "Chloé Dubois", "approved_with_conditions", "2026-05-11", False, "EU (Germany)",
     "Voice AI agents (part of NICE). Condition: AI disclosure at call start, human hand-off on request."],
    ["Luminance", "Luminance Technologies Ltd", "https://www.luminance.com", "GB", "ai_saas", "medium",
     "Jean-Luc Moreau", "approved", "2024-03-11", False, "UK (London)",
     "Contract review for Legal; UK adequacy decision covers transfers."],
    ["Faculty", "Faculty Science Limited", "https://faculty.ai", "GB", "consultancy", "medium",
     "Aisha Bello", "approved", "2024-12-09", False, "UK / EU (works in our AWS account)",
     "Data-science consultancy: ETA model v3 build (SoW 1) and payment-risk model revalidation "
     "and bias testing (SoW 2)."],
    ["SoftwareOne", "SoftwareOne Deutschland GmbH", "https://www.softwareone.com", "DE", "reseller",
     "medium", "Marco de Vries", "approved", "2025-06-16", False, "n/a (reseller)",
     "Microsoft CSP reseller for Microsoft 365 Copilot licences; no access to our data."],
    ["Jasper", "Jasper AI, Inc.", "https://www.jasper.ai", "US", "ai_saas", "low", "Freya Thompson",
     "not_started", "", None, "US",
     "Bought before the AI vendor review process existed; never reviewed. Contract expired 2025-12-31."],
    ["Midjourney", "Midjourney, Inc.", "https://www.midjourney.com", "US", "ai_saas", "low",
     "Oliver Bennett", "rejected", "2026-06-12", True, "US",
     "Rejected: no DPA, broad licence over prompts and outputs, no IP indemnity."],
    ["DeepSeek", "Hangzhou DeepSeek Artificial Intelligence Co., Ltd.", "https://www.deepseek.com",
     "CN", "model_provider", "low", "Felix Braun", "rejected", "2025-02-10", True, "China",
     "Consumer app blocked at the web proxy after shadow-AI discovery; transfers to China not permitted."],
]
VENDOR_NAMES = {v[0] for v in VENDORS}

# ---------------------------------------------------------------- systems
SYSTEM_HEADER = ["code", "name", "system_type", "vendor", "model_name", "description",
                 "intended_purpose", "business_owner", "technical_owner", "department",
                 "lifecycle_state", "usage_policy", "eu_ai_act_tier", "internal_risk_tier",
                 "personal_data", "data_classification", "hosting_region", "first_seen",
                 "next_review_date"]

# code, name, type, vendor, model, description, purpose, business owner, technical owner,
# department, lifecycle, policy, eu tier, risk, personal data, classification, hosting,
# first_seen, next_review
SYSTEMS = [
    ["AIS-001", "ChatGPT Enterprise", "saas_tool", "OpenAI", "GPT-5",
     "Company-wide AI chat assistant with custom GPTs and connectors to SharePoint.",
     "Drafting, summarising and analysis for office staff; no automated decisions about people.",
     "Daniel Okafor", "Tomasz Nowak", "IT", "production", "approved", "minimal", "medium", True,
     "confidential", "EU", "2024-09-16", "2027-01-15"],
    ["AIS-002", "Microsoft 365 Copilot", "embedded_feature", "Microsoft", "GPT-4o / GPT-5 (Microsoft-hosted)",
     "Copilot in Outlook, Teams, Word, Excel and PowerPoint.",
     "Productivity assistance in Microsoft 365 for licensed knowledge workers.",
     "Tomasz Nowak", "Ravi Mehta", "IT", "production", "approved", "minimal", "medium", True,
     "confidential", "EU (EU Data Boundary)", "2024-11-04", "2026-10-31"],
    ["AIS-003", "GitHub Copilot Business", "saas_tool", "GitHub", "GPT-4.1; Claude Sonnet 4.5",
     "Code completion, chat and code review in IDEs and pull requests.",
     "Developer productivity for Engineering and Data & Analytics.",
     "Priya Raman", "Jakub Svoboda", "Engineering", "production", "approved", "minimal", "low", False,
     "confidential", "US", "2024-03-11", "2027-03-01"],
    ["AIS-004", "Claude Team", "saas_tool", "Anthropic", "Claude Sonnet 4.5",
     "Claude Team workspace incl. Claude Code for agentic coding; also used by Legal for drafting.",
     "Agentic coding and long-document analysis for a pilot group.",
     "Priya Raman", "Jakub Svoboda", "Engineering", "pilot", "approved", "minimal", "low", True,
     "confidential", "US", "2025-09-08", "2026-12-01"],
    ["AIS-005", "Glean Enterprise Search", "saas_tool", "Glean", "Glean Assistant (GPT-5 / Claude via Glean)",
     "Permission-aware search and assistant over SharePoint, Confluence, Zendesk and Salesforce.",
     "Find internal knowledge (policies, SOPs, customer history) quickly.",
     "Daniel Okafor", "Tomasz Nowak", "IT", "production", "approved", "minimal", "medium", True,
     "confidential", "EU (Frankfurt)", "2025-08-18", "2026-11-15"],
    ["AIS-006", "Grammarly Business", "saas_tool", "Grammarly", "Grammarly proprietary + third-party LLMs",
     "Writing assistant browser extension and desktop app.",
     "Improve quality of English customer and marketing communication.",
     "Oliver Bennett", "Ravi Mehta", "Marketing", "production", "approved", "minimal", "low", True,
     "internal", "US", "2023-06-05", "2026-06-30"],
    ["AIS-007", "DeepL Pro Advanced", "saas_tool", "DeepL", "DeepL next-gen LLM",
     "Document and text translation for office staff (DE, PL, NL, FR, EN, CS).",
     "Translate business documents and correspondence.",
     "Rafael Gómez", "Ravi Mehta", "Operations", "production", "approved", "minimal", "low", True,
     "confidential", "EU (Germany)", "2023-02-13", "2027-02-28"],
    ["AIS-008", "Otter.ai Business", "saas_tool", "Otter.ai", "Otter proprietary speech and summary models",
     "Meeting transcription and AI summaries; OtterPilot joins calls automatically.",
     "Meeting notes for Sales; restricted to internal meetings with consent.",
     "Hannah Schreiber", "Ravi Mehta", "Sales", "restricted", "restricted", "minimal", "medium", True,
     "confidential", "US", "2024-05-21", "2026-09-15"],
    ["AIS-009", "Notion AI", "embedded_feature", "Notion", "GPT / Claude via Notion",
     "AI writing, Q&A and meeting notes inside the Notion workspace.",
     "Content drafting for Marketing and documentation for Engineering.",
     "Freya Thompson", "Jakub Svoboda", "Marketing", "production", "approved", "minimal", "low", False,
     "internal", "US", "2024-07-01", "2027-06-30"],
    ["AIS-010", "Luminance Contract Review", "saas_tool", "Luminance", "Luminance legal-grade LLM",
     "AI review and redlining of NDAs, carrier and customer contracts.",
     "Speed up first-pass contract review against the Northwind playbook.",
     "Jean-Luc Moreau", "Ravi Mehta", "Legal", "production", "approved", "minimal", "medium", True,
     "restricted", "UK (London)", "2024-01-15", "2027-01-31"],
    ["AIS-011", "Jasper Marketing Copy", "saas_tool", "Jasper", "Jasper (multi-model)",
     "Marketing copy generation with brand-voice templates.",
     "Draft campaign copy and social posts.",
     "Freya Thompson", "", "Marketing", "retired", "retired", "minimal", "low", False,
     "internal", "US", "2024-02-01", ""],
    ["AIS-012", "Midjourney Image Generation", "saas_tool", "Midjourney", "Midjourney v7",
     "Image generation requested by Marketing; two seats were expensed before review.",
     "Campaign visuals and social media imagery.",
     "Oliver Bennett", "", "Marketing", "proposed", "rejected", "minimal", "medium", False,
     "public", "US", "2026-05-12", ""],
    ["AIS-013", "DeepSeek Chat (consumer web app)", "saas_tool", "DeepSeek", "DeepSeek-V3",
     "Consumer chatbot found in web-proxy logs (47 users); now blocked.",
     "None approved (shadow AI).",
     "Felix Braun", "Felix Braun", "IT", "retired", "blocked", "unclassified", "high", None,
     "confidential", "China", "2025-02-03", ""],
    ["AIS-014", "HiredScore CV Screening (Workday Recruiting)", "embedded_feature", "Workday",
     "HiredScore AI for Recruiting",
     "Ranks and grades applicants against job requisitions for warehouse and driver roles.",
     "Prioritise applications for recruiter review; recruiter makes every decision.",
     "Emma Lindqvist", "Julia Kowalski", "HR", "under_reassessment", "restricted", "high", "high", True,
     "restricted", "EU (Ireland)", "2025-06-02", "2026-08-31"],
    ["AIS-015", "Salesforce Einstein Opportunity Scoring", "embedded_feature", "Salesforce",
     "Einstein predictive models",
     "Opportunity and lead scoring plus Einstein email drafting in Sales Cloud.",
     "Prioritise pipeline for account managers.",
     "Hannah Schreiber", "Lukas Becker", "Sales", "production", "approved", "minimal", "medium", True,
     "confidential", "EU (Hyperforce Frankfurt)", "2024-04-08", "2026-12-31"],
    ["AIS-016", "Salesforce Einstein Conversation Insights", "embedded_feature", "Salesforce",
     "Einstein Conversation Insights",
     "Call recording transcription, keyword tracking and coaching insights.",
     "Sales coaching from recorded customer calls.",
     "Hannah Schreiber", "Lukas Becker", "Sales", "retired", "retired", "minimal", "medium", True,
     "confidential", "EU (Hyperforce Frankfurt)", "2025-03-03", ""],
    ["AIS-017", "Zendesk Intelligent Triage", "embedded_feature", "Zendesk",
     "Zendesk AI (intent, language, sentiment)",
     "Classifies incoming tickets by intent, language and sentiment and routes them.",
     "Route customer tickets to the right queue; no customer-facing output.",
     "Sofia Marchetti", "Chloé Dubois", "Customer Service", "production", "approved", "minimal", "medium",
     True, "confidential", "EU (Frankfurt / Dublin)", "2024-10-07", "2027-01-31"],
    ["AIS-018", "Zendesk AI Agent – Shipment Status Bot", "agent", "Zendesk", "Zendesk AI agents (GPT-4o based)",
     "Customer-facing chat agent answering 'where is my shipment' and delivery questions.",
     "Self-service shipment status; hands off to a human on request or low confidence.",
     "Sofia Marchetti", "Chloé Dubois", "Customer Service", "production", "approved", "limited", "medium",
     True, "confidential", "EU (Frankfurt / Dublin)", "2025-02-17", "2026-12-15"],
    ["AIS-019", "ServiceNow Now Assist for ITSM", "embedded_feature", "ServiceNow", "Now LLM",
     "Incident summarisation, resolution notes and agent assist for the IT service desk.",
     "Reduce handling time for IT incidents.",
     "Ravi Mehta", "Ravi Mehta", "IT", "pilot", "approved", "minimal", "low", True,
     "internal", "EU (Amsterdam / Dublin)", "2026-03-16", "2027-03-31"],
    ["AIS-020", "ServiceNow IT Helpdesk Virtual Agent", "agent", "ServiceNow",
     "Now LLM + Now Assist Virtual Agent",
     "Employee-facing chat agent for password resets, access requests and how-to questions.",
     "Deflect simple IT requests from the service desk.",
     "Ravi Mehta", "Ravi Mehta", "IT", "pilot", "approved", "limited", "low", True,
     "internal", "EU (Amsterdam / Dublin)", "2026-05-04", "2027-05-04"],
    ["AIS-021", "UiPath Document Understanding – Supplier Invoices", "embedded_feature", "UiPath",
     "UiPath DocPath", "Extracts header and line data from supplier and carrier invoices (PDF/scan).",
     "Automate accounts-payable data capture.",
     "Ana Ribeiro", "Jakub Svoboda", "Finance", "production", "approved", "minimal", "medium", True,
     "confidential", "EU (Automation Cloud EU)", "2023-09-18", "2027-09-30"],
    ["AIS-022", "UiPath Autopilot Invoice Exception Agent", "agent", "UiPath",
     "UiPath Autopilot (GPT-4o via Azure OpenAI)",
     "Agent that resolves invoice-to-PO mismatches and drafts supplier queries for AP clerks.",
     "Clear AP exceptions faster; clerk approves every supplier message.",
     "Ana Ribeiro", "Jakub Svoboda", "Finance", "production", "approved", "minimal", "medium", True,
     "confidential", "EU (Automation Cloud EU)", "2025-07-07", "2027-07-07"],
    ["AIS-023", "Cognigy Voice Agent – Delivery Rescheduling", "agent", "Cognigy",
     "Cognigy.AI + GPT-4.1 (Azure OpenAI)",
     "Inbound phone agent that lets consignees reschedule or redirect deliveries (DE line).",
     "Handle rescheduling calls end-to-end; discloses it is an AI and hands off on request.",
     "Sofia Marchetti", "Chloé Dubois", "Customer Service", "pilot", "approved", "limited", "medium", True,
     "confidential", "EU (Germany)", "2026-05-18", "2026-11-30"],
    ["AIS-024", "OpenAI API Platform", "model_api", "OpenAI",
     "GPT-5; GPT-4.1 mini; text-embedding-3-large",
     "API projects used by internal applications (customs assistant, pricing experiments, RAG).",
     "Building block for internal AI applications.",
     "Priya Raman", "Jakub Svoboda", "Engineering", "production", "approved", "minimal", "medium", True,
     "confidential", "EU (Europe data residency)", "2023-11-06", "2027-05-31"],
    ["AIS-025", "Anthropic API", "model_api", "Anthropic", "Claude Sonnet 4.5; Claude Haiku 4.5",
     "Anthropic API workspace for agents and batch document processing.",
     "Building block for agentic applications.",
     "Priya Raman", "Jakub Svoboda", "Engineering", "production", "approved", "minimal", "medium", True,
     "confidential", "US", "2025-06-09", "2026-12-09"],
    ["AIS-026", "Azure OpenAI Service", "model_api", "Microsoft", "GPT-4.1; GPT-4o mini; o4-mini",
     "Azure OpenAI deployments in Sweden Central under the Azure commitment.",
     "Building block for EU-hosted internal applications.",
     "Priya Raman", "Jakub Svoboda", "Engineering", "production", "approved", "minimal", "medium", True,
     "confidential", "EU (Sweden Central)", "2024-02-19", "2027-02-19"],
    ["AIS-027", "Amazon Bedrock", "model_api", "AWS",
     "Llama 3.3 70B Instruct; Claude Haiku 4.5; Titan Text Embeddings v2",
     "Bedrock in eu-central-1 for EU-only workloads and open-weight models.",
     "Building block for workloads that must stay in the EU.",
     "Aisha Bello", "Mehmet Yilmaz", "Data & Analytics", "production", "approved", "minimal", "medium",
     True, "confidential", "EU (eu-central-1 Frankfurt)", "2024-09-09", "2027-09-09"],
    ["AIS-028", "Google Vertex AI", "model_api", "Google Cloud", "Gemini 2.5 Pro; Gemini 2.5 Flash",
     "Vertex AI project for evaluating multimodal models on damage photos.",
     "Evaluation only; no production traffic.",
     "Aisha Bello", "Mehmet Yilmaz", "Data & Analytics", "evaluating", "pending", "unclassified", "medium",
     False, "internal", "EU (europe-west3 Frankfurt)", "2026-07-06", "2026-12-15"],
    ["AIS-029", "Mistral La Plateforme", "model_api", "Mistral AI", "Mistral Large 2; Mistral Small 3.1",
     "EU-hosted API used as sovereign fallback and for low-cost classification.",
     "Fallback model provider hosted in the EU.",
     "Priya Raman", "Jakub Svoboda", "Engineering", "pilot", "approved", "minimal", "low", False,
     "internal", "EU (France)", "2025-10-13", "2027-04-13"],
    ["AIS-030", "DeepL API Pro", "model_api", "DeepL", "DeepL next-gen LLM",
     "Translation API integrated into the TMS and the customs paperwork assistant.",
     "Machine translation inside internal applications.",
     "Rafael Gómez", "Jakub Svoboda", "Operations", "production", "approved", "minimal", "low", True,
     "confidential", "EU (Germany)", "2024-06-03", "2027-06-03"],
    ["AIS-031", "GPT-5", "gpai_model", "OpenAI", "GPT-5",
     "OpenAI frontier model used via ChatGPT Enterprise and the API platform.",
     "General-purpose model underlying several Northwind systems.",
     "Daniel Okafor", "Jakub Svoboda", "IT", "production", "approved", "gpai_systemic", "medium", True,
     "confidential", "EU (Europe data residency)", "2025-08-11", "2027-02-11"],
    ["AIS-032", "GPT-4.1 mini", "gpai_model", "OpenAI", "GPT-4.1 mini",
     "Small, low-cost OpenAI model used for extraction and classification.",
     "General-purpose model for high-volume tasks.",
     "Daniel Okafor", "Jakub Svoboda", "IT", "production", "approved", "gpai", "low", True,
     "confidential", "EU (Europe data residency)", "2025-04-14", "2027-04-14"],
    ["AIS-033", "Claude Sonnet 4.5", "gpai_model", "Anthropic", "Claude Sonnet 4.5",
     "Anthropic frontier model used by Claude Team and the exception triage agent.",
     "General-purpose model for agentic and coding tasks.",
     "Daniel Okafor", "Jakub Svoboda", "IT", "production", "approved", "gpai_systemic", "medium", True,
     "confidential", "US", "2025-10-06", "2027-04-06"],
    ["AIS-034", "Claude Haiku 4.5", "gpai_model", "Anthropic", "Claude Haiku 4.5",
     "Small Anthropic model (direct API and via Bedrock) for classification.",
     "General-purpose model for high-volume tasks.",
     "Daniel Okafor", "Jakub Svoboda", "IT", "pilot", "approved", "gpai", "low", False,
     "internal", "EU (eu-central-1 via Bedrock)", "2025-10-20", "2027-04-20"],
    ["AIS-035", "Gemini 2.5 Pro", "gpai_model", "Google Cloud", "Gemini 2.5 Pro",
     "Google multimodal frontier model under evaluation on Vertex AI.",
     "Evaluation for image-based damage assessment.",
     "Aisha Bello", "Mehmet Yilmaz", "Data & Analytics", "evaluating", "pending", "gpai_systemic", "medium",
     False, "internal", "EU (europe-west3 Frankfurt)", "2026-07-06", "2026-12-15"],
    ["AIS-036", "Llama 3.3 70B Instruct (via Bedrock)", "gpai_model", "AWS", "Llama 3.3 70B Instruct (Meta)",
     "Open-weight model served through Amazon Bedrock in Frankfurt.",
     "EU-hosted general-purpose model for internal summarisation.",
     "Aisha Bello", "Mehmet Yilmaz", "Data & Analytics", "production", "approved", "gpai", "low", True,
     "confidential", "EU (eu-central-1 Frankfurt)", "2025-01-20", "2027-01-20"],
    ["AIS-037", "Mistral Large 2", "gpai_model", "Mistral AI", "Mistral Large 2",
     "Mistral's flagship model on La Plateforme (EU).",
     "Sovereign fallback general-purpose model.",
     "Daniel Okafor", "Jakub Svoboda", "IT", "pilot", "approved", "gpai", "low", False,
     "internal", "EU (France)", "2025-10-13", "2027-04-13"],
    ["AIS-038", "ETA Prediction Model v3", "internal_model", "", "LightGBM gradient-boosted trees v3.2",
     "Predicts estimated time of arrival per consignment from telematics, hub scans and weather.",
     "ETA shown to customers and planners; no decisions about individuals.",
     "Katharina Vogel", "Mehmet Yilmaz", "Data & Analytics", "production", "approved", "minimal", "low",
     False, "internal", "EU (own Kubernetes, Hamburg DC)", "2023-03-06", "2027-01-31"],
    ["AIS-039", "Depot Demand Forecasting Model", "internal_model", "Databricks",
     "Temporal Fusion Transformer (Mosaic AI)",
     "Forecasts parcel and pallet volumes per depot 14 days ahead.",
     "Plan depot staffing and linehaul capacity.",
     "Ingrid Halvorsen", "Mehmet Yilmaz", "Operations", "production", "approved", "minimal", "low", False,
     "internal", "EU (AWS eu-central-1)", "2024-01-22", "2027-01-22"],
    ["AIS-040", "Customer Credit & Payment-Risk Scorer", "internal_model", "Databricks",
     "XGBoost scorecard v2.3",
     "Scores new and existing B2B customers (incl. sole traders) for credit limit and payment terms.",
     "Propose credit limits; every decline or limit cut is reviewed by a credit analyst.",
     "Lars Johansson", "Mehmet Yilmaz", "Finance", "production", "restricted", "high", "high", True,
     "restricted", "EU (AWS eu-central-1)", "2024-06-17", "2026-11-30"],
    ["AIS-041", "Route Optimisation Engine", "internal_model", "", "OR-Tools VRP solver + travel-time regression",
     "Daily vehicle routing for last-mile and linehaul; mostly deterministic optimisation.",
     "Plan routes and stop sequences.",
     "Ingrid Halvorsen", "Jakub Svoboda", "Operations", "production", "approved", "not_ai", "low", False,
     "internal", "EU (own Kubernetes, Hamburg DC)", "2023-01-09", "2027-01-09"],
    ["AIS-042", "Warehouse Slotting Optimiser", "internal_model", "Databricks",
     "Reinforcement-learning slotting policy",
     "Suggested pick-face locations for SKUs in the Hamburg and Gdańsk warehouses.",
     "Reduce picker travel distance.",
     "Ingrid Halvorsen", "Mehmet Yilmaz", "Operations", "retired", "retired", "minimal", "low", False,
     "internal", "EU (AWS eu-central-1)", "2023-05-15", ""],
    ["AIS-043", "Warehouse Workforce Sentiment Cameras (prototype)", "internal_model", "",
     "Emotion-recognition CV model (vendor SDK, prototype)",
     "Prototype inferring worker mood from CCTV in the Gdańsk warehouse; stopped and footage deleted.",
     "None (prohibited practice under EU AI Act Art. 5(1)(f)).",
     "Ingrid Halvorsen", "Mehmet Yilmaz", "Operations", "retired", "blocked", "prohibited", "high", True,
     "restricted", "On-premises (Gdańsk warehouse)", "2025-06-23", ""],
    ["AIS-044", "Fraudulent Carrier Invoice Detection", "internal_model", "AWS",
     "Isolation forest + XGBoost (SageMaker)",
     "Flags subcontractor carrier invoices with anomalous amounts, duplicate references or routes.",
     "Prioritise invoices for AP audit.",
     "Lars Johansson", "Mehmet Yilmaz", "Finance", "pilot", "approved", "minimal", "medium", False,
     "confidential", "EU (eu-central-1 Frankfurt)", "2026-04-13", "2027-04-13"],
    ["AIS-045", "Customer Churn Propensity Model", "internal_model", "Databricks", "LightGBM classifier",
     "Predicts B2B accounts likely to reduce volume in the next quarter.",
     "Early warning list for account managers.",
     "Hannah Schreiber", "Mehmet Yilmaz", "Sales", "evaluating", "pending", "minimal", "medium", True,
     "confidential", "EU (AWS eu-central-1)", "2026-08-03", "2027-02-03"],
    ["AIS-046", "Übersetzungs-Assistent für Zollpapiere", "agent", "DeepL",
     "DeepL API + GPT-4.1 mini orchestration",
     "Translates and pre-fills customs declarations, commercial invoices and T1 documents; "
     "flags mismatched HS codes for a broker.",
     "Speed up customs paperwork for cross-border shipments; customs broker signs off.",
     "Rafael Gómez", "Jakub Svoboda", "Operations", "production", "approved", "minimal", "medium", True,
     "confidential", "EU (Germany)", "2025-03-10", "2026-03-10"],
    ["AIS-047", "Cross-Border Shipment Exception Triage and Customer Notification Agent", "agent",
     "Anthropic", "Claude Sonnet 4.5",
     "Reads carrier exception events, customs holds and emails, proposes a resolution and drafts "
     "the customer notification.",
     "Triage shipment exceptions; planner approves every customer message.",
     "Katharina Vogel", "Jakub Svoboda", "Operations", "pilot", "approved", "limited", "medium", True,
     "confidential", "US", "2026-02-09", "2026-12-20"],
    ["AIS-048", "Quote & Tender Assistant", "agent", "Microsoft", "GPT-4.1 (Azure OpenAI)",
     "Reads freight RFQs and tender spreadsheets, drafts lane-by-lane responses from the rate cards.",
     "Draft tender responses; sales manager owns pricing and submission.",
     "Hannah Schreiber", "Lukas Becker", "Sales", "pilot", "approved", "minimal", "medium", False,
     "confidential", "EU (Sweden Central)", "2026-06-01", "2027-01-31"],
    ["AIS-049", "Procurement Spend Classification Agent", "agent", "AWS", "Claude Haiku 4.5 (Bedrock)",
     "Classifies purchase-order lines into the spend taxonomy and flags maverick buying.",
     "Spend analytics for Procurement.",
     "Marco de Vries", "Mehmet Yilmaz", "Procurement", "evaluating", "pending", "minimal", "low", False,
     "internal", "EU (eu-central-1 Frankfurt)", "2026-09-07", "2027-03-07"],
    ["AIS-050", "Agentforce SDR Email Agent", "agent", "Salesforce", "Agentforce (Atlas reasoning engine)",
     "Autonomous agent that qualifies inbound leads and sends first-touch emails.",
     "Lead follow-up for the SME segment.",
     "Hannah Schreiber", "Lukas Becker", "Sales", "evaluating", "pending", "limited", "medium", True,
     "confidential", "EU (Hyperforce Frankfurt)", "2026-08-17", "2026-12-17"],
    ["AIS-051", "Carrier Invoice Audit Agent", "agent", "OpenAI", "GPT-5",
     "Proposed agent that checks subcontractor invoices against tariffs, fuel surcharges and PODs.",
     "Recover overbilling from subcontracted carriers.",
     "Lars Johansson", "", "Finance", "proposed", "pending", "unclassified", "medium", False,
     "confidential", "EU (Europe data residency)", "2026-10-19", "2026-12-31"],
    ["AIS-052", "HR Policy Q&A Bot (Copilot Studio)", "agent", "Microsoft", "Copilot Studio (GPT-4o)",
     "Teams bot answering questions on leave, travel and benefits policies.",
     "Employee self-service for HR policy questions.",
     "Emma Lindqvist", "Ravi Mehta", "HR", "retired", "retired", "limited", "low", True,
     "internal", "EU (EU Data Boundary)", "2024-10-01", ""],
    ["AIS-053", "Databricks AI/BI Genie", "embedded_feature", "Databricks", "Databricks AI/BI Genie",
     "Natural-language questions over curated operations data spaces.",
     "Self-service analytics for operations managers.",
     "Aisha Bello", "Mehmet Yilmaz", "Data & Analytics", "evaluating", "pending", "minimal", "low", False,
     "internal", "EU (AWS eu-central-1)", "2026-09-21", "2027-03-21"],
]
SYS = {s[0]: s for s in SYSTEMS}


def sys_dept(code: str) -> str:
    return SYS[code][9]


def first_month(code: str) -> str:
    return SYS[code][17][:7]


# Last month a retired system incurs cost / usage.
RETIRED_LAST_MONTH = {
    "AIS-011": "2025-12",   # Jasper contract expired 2025-12-31
    "AIS-016": "2025-11",   # Conversation Insights terminated 2025-11-30
    "AIS-042": "2025-09",   # slotting optimiser switched off
    "AIS-052": "2026-03",   # HR bot replaced by Glean
    "AIS-012": "2026-06",   # Midjourney expensed seats cancelled after rejection
}


def active_in(code: str, ym: str) -> bool:
    if ym < first_month(code):
        return False
    last = RETIRED_LAST_MONTH.get(code)
    return last is None or ym <= last


# ---------------------------------------------------------------- seat tools
# price per seat per month, currency, billing vendor, purchased-seat schedule,
# assigned/purchased ratio knots, active/assigned ratio knots, cost start month.
SEAT_TOOLS = {
    "AIS-001": dict(price=60.00, cur="USD", vendor="OpenAI",
                    sched={"2025-02": 150, "2025-08": 300, "2026-02": 450, "2026-08": 600},
                    ra=[("2025-05", 0.93), ("2026-10", 0.97)], ru=[("2025-05", 0.62), ("2026-10", 0.79)]),
    "AIS-002": dict(price=28.10, cur="EUR", vendor="SoftwareOne",
                    sched={"2024-11": 300, "2025-07": 600, "2026-01": 900, "2026-07": 1200},
                    ra=[("2025-05", 0.90), ("2026-10", 0.96)], ru=[("2025-05", 0.55), ("2026-10", 0.47)]),
    "AIS-003": dict(price=19.00, cur="USD", vendor="GitHub",
                    sched={"2024-12": 180, "2025-12": 230, "2026-06": 260},
                    ra=[("2025-05", 0.95), ("2026-10", 0.98)], ru=[("2025-05", 0.82), ("2026-10", 0.88)]),
    "AIS-004": dict(price=30.00, cur="USD", vendor="Anthropic",
                    sched={"2025-09": 40, "2026-01": 80, "2026-05": 150},
                    ra=[("2025-09", 0.85), ("2026-10", 0.95)], ru=[("2025-09", 0.70), ("2026-10", 0.86)]),
    "AIS-005": dict(price=42.00, cur="USD", vendor="Glean", basis="amortized",
                    sched={"2025-11": 600, "2026-05": 800},
                    ra=[("2025-11", 0.80), ("2026-10", 0.92)], ru=[("2025-11", 0.30), ("2026-10", 0.46)]),
    "AIS-006": dict(price=15.00, cur="USD", vendor="Grammarly",
                    sched={"2024-03": 250},
                    ra=[("2025-05", 0.94), ("2026-10", 0.92)], ru=[("2025-05", 0.34), ("2026-10", 0.21)]),
    "AIS-007": dict(price=28.75, cur="EUR", vendor="DeepL",
                    sched={"2023-05": 100, "2026-01": 120},
                    ra=[("2025-05", 0.95), ("2026-10", 0.97)], ru=[("2025-05", 0.86), ("2026-10", 0.88)]),
    "AIS-008": dict(price=20.00, cur="USD", vendor="Otter.ai",
                    sched={"2024-12": 60},
                    ra=[("2025-05", 0.92), ("2026-10", 0.90)],
                    ru=[("2025-05", 0.56), ("2026-03", 0.50), ("2026-05", 0.30), ("2026-10", 0.27)]),
    "AIS-009": dict(price=10.00, cur="USD", vendor="Notion",
                    sched={"2024-08": 300, "2026-08": 200},
                    ra=[("2025-05", 0.90), ("2026-10", 0.97)], ru=[("2025-05", 0.31), ("2026-10", 0.39)]),
    # Luminance: flat licence (cost handled separately), seats tracked for adoption only.
    "AIS-010": dict(price=None, cur="GBP", vendor="Luminance",
                    sched={"2024-04": 25},
                    ra=[("2025-05", 0.88), ("2026-10", 0.92)], ru=[("2025-05", 0.72), ("2026-10", 0.81)]),
    "AIS-011": dict(price=69.00, cur="USD", vendor="Jasper",
                    sched={"2024-02": 15},
                    ra=[("2025-05", 0.93), ("2025-12", 0.80)], ru=[("2025-05", 0.55), ("2025-12", 0.20)]),
    "AIS-015": dict(price=50.00, cur="USD", vendor="Salesforce",
                    sched={"2024-03": 220},
                    ra=[("2025-05", 0.95), ("2026-10", 0.96)], ru=[("2025-05", 0.24), ("2026-10", 0.19)]),
    "AIS-016": dict(price=50.00, cur="USD", vendor="Salesforce",
                    sched={"2025-03": 40},
                    ra=[("2025-05", 0.90), ("2025-11", 0.88)], ru=[("2025-05", 0.30), ("2025-11", 0.15)]),
    "AIS-017": dict(price=50.00, cur="USD", vendor="Zendesk",
                    sched={"2024-10": 350, "2026-01": 380},
                    ra=[("2025-05", 0.97), ("2026-10", 0.98)], ru=[("2025-05", 0.92), ("2026-10", 0.95)]),
}

# Department allocation of enterprise-wide seat costs (chargeback keys).
ALLOCATIONS = {
    "AIS-001": {"Customer Service": 0.12, "Finance": 0.08, "Engineering": 0.15, "Operations": 0.14,
                "Sales": 0.14, "Marketing": 0.10, "HR": 0.05, "Legal": 0.04, "IT": 0.07,
                "Procurement": 0.04, "Data & Analytics": 0.07},
    "AIS-002": {"Customer Service": 0.18, "Finance": 0.12, "Engineering": 0.06, "Operations": 0.20,
                "Sales": 0.15, "Marketing": 0.07, "HR": 0.06, "Legal": 0.04, "IT": 0.06,
                "Procurement": 0.03, "Data & Analytics": 0.03},
}

adoption_rows: list[list] = []
seat_series: dict[str, dict[str, tuple[int, int, int]]] = {}

for code, t in SEAT_TOOLS.items():
    series = {}
    prev_assigned = None
    for ym in MONTHS:
        if not active_in(code, ym):
            continue
        purchased = step(t["sched"], ym)
        if purchased is None:
            continue
        target = purchased * interp(t["ra"], ym)
        if prev_assigned is None:
            started_now = ym_diff(min(t["sched"]), ym) < 1
            assigned = target * (0.45 if started_now else 1.0)
        else:
            assigned = prev_assigned + 0.55 * (target - prev_assigned)
        assigned = int(round(assigned * noise(0.01)))
        assigned = max(1, min(purchased, assigned))
        prev_assigned = assigned
        active = int(round(assigned * interp(t["ru"], ym) * noise(0.03)))
        active = max(0, min(assigned, active))
        series[ym] = (purchased, assigned, active)
        adoption_rows.append([ym, code, "seats_purchased", purchased])
        adoption_rows.append([ym, code, "seats_assigned", assigned])
        adoption_rows.append([ym, code, "active_users", active])
    seat_series[code] = series

# ---------------------------------------------------------------- costs
COST_HEADER = ["month", "vendor", "system_code", "amount", "currency", "basis", "department", "description"]
cost_rows: list[list] = []


def add_cost(ym, vendor, code, amount, cur, basis, dept, desc):
    assert vendor in VENDOR_NAMES, vendor
    if code:
        assert active_in(code, ym), (code, ym)
    cost_rows.append([ym, vendor, code, money(round(amount, 2)), cur, basis, dept, desc])


# 1) seat subscriptions
SEAT_LABEL = {
    "AIS-001": "ChatGPT Enterprise", "AIS-002": "Microsoft 365 Copilot (CSP via SoftwareOne)",
    "AIS-003": "GitHub Copilot Business", "AIS-004": "Claude Team",
    "AIS-005": "Glean annual prepaid licence", "AIS-006": "Grammarly Business",
    "AIS-007": "DeepL Pro Advanced", "AIS-008": "Otter.ai Business", "AIS-009": "Notion AI add-on",
    "AIS-011": "Jasper Teams", "AIS-015": "Einstein for Sales add-on",
    "AIS-016": "Einstein Conversation Insights add-on", "AIS-017": "Zendesk Advanced AI add-on",
}
for code, t in SEAT_TOOLS.items():
    if t["price"] is None:
        continue
    for ym, (purchased, _a, _u) in seat_series[code].items():
        total = round(purchased * t["price"], 2)
        basis = t.get("basis", "billed")
        label = SEAT_LABEL[code]
        base_desc = (f"{label} – {purchased} seats × {t['cur']} {t['price']:.2f}/month"
                     + (" (annual prepayment amortised monthly)" if basis == "amortized" else ""))
        alloc = ALLOCATIONS.get(code)
        if alloc:
            remaining = total
            depts = list(alloc)
            for i, d in enumerate(depts):
                amt = round(total * alloc[d], 2) if i < len(depts) - 1 else round(remaining, 2)
                remaining -= amt
                add_cost(ym, t["vendor"], code, amt, t["cur"], basis, d,
                         f"{base_desc}; {d} allocation {alloc[d]:.0%}")
        else:
            add_cost(ym, t["vendor"], code, total, t["cur"], basis, sys_dept(code), base_desc)

# 2) flat / amortised licences
for ym in MONTHS:
    add_cost(ym, "Luminance", "AIS-010", 8000.00, "GBP", "amortized", "Legal",
             "Luminance annual licence GBP 96,000 amortised 1/12")
    if active_in("AIS-014", ym):
        add_cost(ym, "Workday", "AIS-014", 6000.00, "EUR", "amortized", "HR",
                 "HiredScore AI for Recruiting annual fee EUR 72,000 amortised 1/12")
    # UiPath platform units prepaid annually (USD 264,000); split by process from Autopilot go-live
    if ym < "2025-07":
        add_cost(ym, "UiPath", "AIS-021", 22000.00, "USD", "amortized", "Finance",
                 "UiPath Automation Cloud annual prepayment USD 264,000 amortised 1/12")
    else:
        add_cost(ym, "UiPath", "AIS-021", 14000.00, "USD", "amortized", "Finance",
                 "UiPath Automation Cloud prepayment amortised – Document Understanding share")
        add_cost(ym, "UiPath", "AIS-022", 8000.00, "USD", "amortized", "Finance",
                 "UiPath Automation Cloud prepayment amortised – Autopilot agent share")
    if ym >= "2026-04":
        if ym == "2026-04":
            add_cost(ym, "ServiceNow", "AIS-019", 12500.00, "EUR", "amortized", "IT",
                     "Now Assist ITSM Pro Plus annual fee EUR 150,000 amortised 1/12")
        else:
            add_cost(ym, "ServiceNow", "AIS-019", 8000.00, "EUR", "amortized", "IT",
                     "Now Assist ITSM Pro Plus amortised – agent assist share")
            add_cost(ym, "ServiceNow", "AIS-020", 4500.00, "EUR", "amortized", "IT",
                     "Now Assist ITSM Pro Plus amortised – virtual agent share")
    if "2026-06" <= ym:
        add_cost(ym, "Cognigy", "AIS-023", 9500.00, "EUR", "billed", "Customer Service",
                 "Cognigy.AI voice pilot – fixed monthly fee (incl. 20,000 voice minutes)")
    if active_in("AIS-052", ym):
        add_cost(ym, "Microsoft", "AIS-052", 920.00, "EUR", "billed", "HR",
                 "Copilot Studio message capacity – 4 packs × EUR 230")
    if "2025-05" <= ym <= "2025-09":
        add_cost(ym, "Faculty", "AIS-038", 38000.00, "GBP", "billed", "Data & Analytics",
                 "Faculty SoW 1 – ETA model v3 build, monthly milestone invoice")
    if "2026-03" <= ym:
        add_cost(ym, "Faculty", "AIS-040", 30000.00, "GBP", "billed", "Finance",
                 "Faculty SoW 2 – payment-risk model revalidation and bias testing, monthly milestone")
    if active_in("AIS-012", ym):
        add_cost(ym, "Midjourney", "AIS-012", 120.00, "USD", "billed", "Marketing",
                 "Midjourney Standard plan – 2 seats expensed on corporate card (pre-review)")

# 3) usage-based spend (with requests for adoption)
# (cost per request is used to derive request counts)
usage_requests: dict[str, dict[str, float]] = {}


def add_usage(code, vendor, cur, ym, amount, desc, cost_per_request=None, dept=None):
    add_cost(ym, vendor, code, amount, cur, "billed", dept or sys_dept(code), desc)
    if cost_per_request:
        usage_requests.setdefault(code, {})
        usage_requests[code][ym] = usage_requests[code].get(ym, 0) + amount / cost_per_request


zendesk_resolutions = {}
for ym in MONTHS:
    # Zendesk AI agent automated resolutions (committed 7,500 / month, USD 1.50 each)
    res = int(round(growth(ym, "2025-05", "2026-10", 6200, 11000) * season(ym) * noise(0.04)))
    zendesk_resolutions[ym] = res
    billable = max(res, 7500)
    add_cost(ym, "Zendesk", "AIS-018", billable * 1.50, "USD", "billed", "Customer Service",
             f"Zendesk AI agents – {res:,} automated resolutions (commit 7,500) × USD 1.50")

    # OpenAI API: grows, spiky (embedding backfill 2026-03, peak season)
    amt = growth(ym, "2025-05", "2026-10", 4200, 21500) * season(ym) * noise(0.08)
    desc = "OpenAI API usage – GPT-5 / GPT-4.1 mini / embeddings"
    if ym == "2026-03":
        amt += 13800
        desc += " (incl. one-off embedding backfill of 2.1m shipment documents)"
    if "2025-11" <= ym <= "2026-04":
        # spot-pricing engine experiment (INI-020) ran on the OpenAI API
        amt += 2600 * noise(0.1)
        desc += "; pricing-engine experiment"
    add_usage("AIS-024", "OpenAI", "USD", ym, amt, desc, cost_per_request=0.0042)

    # Anthropic API (general) from 2025-06; exception agent from 2026-02
    if active_in("AIS-025", ym):
        amt = growth(ym, "2025-06", "2026-10", 700, 9500) * noise(0.09)
        add_usage("AIS-025", "Anthropic", "USD", ym, amt,
                  "Anthropic API usage – Claude Sonnet 4.5 / Haiku 4.5 (batch + interactive)",
                  cost_per_request=0.011)
    if active_in("AIS-047", ym):
        amt = growth(ym, "2026-02", "2026-10", 1800, 9800) * noise(0.07)
        desc = "Anthropic API usage attributed to the exception triage agent (workspace 'xborder-agent')"
        if ym == "2026-07":
            amt += 9200
            desc += "; incl. runaway retry loop 14–16 July (≈ USD 9.2k, capped after incident)"
        add_usage("AIS-047", "Anthropic", "USD", ym, amt, desc, cost_per_request=0.018)

    # Azure OpenAI (EUR, under the Azure commitment)
    amt = growth(ym, "2025-05", "2026-10", 7000, 24000) * season(ym) * noise(0.05)
    add_usage("AIS-026", "Microsoft", "EUR", ym, amt,
              "Azure OpenAI consumption – Sweden Central deployments (against Azure commitment)",
              cost_per_request=0.0035)
    if active_in("AIS-048", ym):
        amt = growth(ym, "2026-06", "2026-10", 1400, 4200) * noise(0.08)
        add_usage("AIS-048", "Microsoft", "EUR", ym, amt,
                  "Azure OpenAI consumption – Quote & Tender Assistant deployment")

    # AWS: Bedrock, SageMaker, procurement agent
    amt = growth(ym, "2025-05", "2026-10", 2500, 9000) * noise(0.06)
    add_usage("AIS-027", "AWS", "USD", ym, amt, "Amazon Bedrock on-demand inference – eu-central-1",
              cost_per_request=0.0024)
    if active_in("AIS-044", ym):
        amt = growth(ym, "2026-04", "2026-10", 1200, 2500) * noise(0.05)
        add_usage("AIS-044", "AWS", "USD", ym, amt, "SageMaker training + batch transform – invoice anomaly model")
    if active_in("AIS-049", ym):
        amt = (420 if ym == "2026-09" else 880) * noise(0.05)
        add_usage("AIS-049", "AWS", "USD", ym, amt, "Bedrock Claude Haiku 4.5 – spend classification evaluation runs")

    # Google Vertex AI evaluation
    if active_in("AIS-028", ym):
        amt = growth(ym, "2026-07", "2026-10", 300, 1400) * noise(0.1)
        add_usage("AIS-028", "Google Cloud", "USD", ym, amt, "Vertex AI – Gemini 2.5 Pro evaluation on damage photos")

    # Mistral
    if active_in("AIS-029", ym):
        amt = growth(ym, "2025-10", "2026-10", 180, 1800) * noise(0.1)
        add_usage("AIS-029", "Mistral AI", "EUR", ym, amt, "La Plateforme usage – Mistral Large 2 / Small 3.1",
                  cost_per_request=0.0016)

    # DeepL API (tiered by characters), split between TMS integration and customs assistant
    chars_tms = growth(ym, "2025-05", "2026-10", 40, 70) * season(ym) * noise(0.04)      # million chars
    chars_customs = growth(ym, "2025-05", "2026-10", 55, 150) * season(ym) * noise(0.05)
    rate = 20.0  # EUR per million characters (tier 2)
    add_usage("AIS-030", "DeepL", "EUR", ym, chars_tms * rate,
              f"DeepL API Pro – {chars_tms:.1f}m characters (TMS integration) × EUR 20.00/m",
              cost_per_request=0.0045)
    add_usage("AIS-046", "DeepL", "EUR", ym, chars_customs * rate,
              f"DeepL API Pro – {chars_customs:.1f}m characters (customs paperwork assistant) × EUR 20.00/m",
              cost_per_request=0.0061)

    # Databricks DBUs (USD), attributed by cluster tags; some untagged
    if active_in("AIS-039", ym):
        add_cost(ym, "Databricks", "AIS-039", growth(ym, "2025-05", "2026-10", 6200, 8400) * noise(0.05),
                 "USD", "billed", "Operations", "Databricks DBUs – demand forecasting training and inference jobs")
    add_cost(ym, "Databricks", "AIS-040", growth(ym, "2025-05", "2026-10", 2400, 4100) * noise(0.06),
             "USD", "billed", "Finance", "Databricks DBUs – payment-risk scoring pipeline")
    if active_in("AIS-042", ym):
        add_cost(ym, "Databricks", "AIS-042", 3100 * noise(0.05), "USD", "billed", "Operations",
                 "Databricks DBUs – slotting optimiser simulation runs")
    if active_in("AIS-045", ym):
        add_cost(ym, "Databricks", "AIS-045", (900 if ym == "2026-08" else 1650) * noise(0.05), "USD",
                 "billed", "Sales", "Databricks DBUs – churn model feature engineering")
    if active_in("AIS-053", ym):
        add_cost(ym, "Databricks", "AIS-053", (380 if ym == "2026-09" else 820) * noise(0.05), "USD",
                 "billed", "Data & Analytics", "Databricks AI/BI Genie serverless compute")

    # 4) unattributed spend (empty system_code)
    add_cost(ym, "Databricks", "", growth(ym, "2025-05", "2026-10", 3400, 6300) * noise(0.08), "USD", "billed",
             "Data & Analytics", "Databricks DBUs – untagged shared clusters (not attributable to a system)")
    exp_dept = ["Sales", "Marketing", "Operations", "Customer Service"][MONTHS.index(ym) % 4]
    add_cost(ym, "OpenAI", "", growth(ym, "2025-05", "2026-10", 1150, 260) * noise(0.1), "USD", "billed",
             exp_dept, "ChatGPT Plus subscriptions reimbursed via expense claims (personal accounts)")
    if ym >= "2025-11":
        add_cost(ym, "Anthropic", "", growth(ym, "2025-11", "2026-10", 160, 420) * noise(0.1), "USD", "billed",
                 ["Legal", "Engineering", "Marketing"][MONTHS.index(ym) % 3],
                 "Claude Pro subscriptions expensed on corporate cards")
    if ym >= "2026-01":
        add_cost(ym, "AWS", "", growth(ym, "2026-01", "2026-10", 300, 1900) * noise(0.12), "USD", "billed",
                 "Engineering", "Bedrock usage in sandbox account without cost-allocation tags")

# requests metric for API systems / agents
for code in sorted(usage_requests):
    for ym in MONTHS:
        if ym in usage_requests[code]:
            adoption_rows.append([ym, code, "requests", int(round(usage_requests[code][ym] * noise(0.03)))])
for ym in MONTHS:
    # Shipment status bot: conversations handled (requests) ~ 2.3x automated resolutions
    adoption_rows.append([ym, "AIS-018", "requests", int(round(zendesk_resolutions[ym] * 2.35 * noise(0.03)))])

cost_rows.sort(key=lambda r: (r[0], r[1], r[2], r[6]))
METRIC_ORDER = {"seats_purchased": 0, "seats_assigned": 1, "active_users": 2, "requests": 3}
adoption_rows.sort(key=lambda r: (r[0], r[1], METRIC_ORDER[r[2]]))

# ---------------------------------------------------------------- contracts
CONTRACT_HEADER = ["contract_ref", "name", "vendor", "status", "pricing_model", "start_date", "end_date",
                   "auto_renew", "notice_period_days", "total_value", "annual_value", "currency",
                   "seats_purchased", "owner", "cost_center", "dpa_signed", "systems"]


def term_months(start: str, end: str) -> int:
    """Contract term in whole months (end date inclusive), e.g. 2025-02-15..2027-02-14 -> 24."""
    days = (dt.date.fromisoformat(end) - dt.date.fromisoformat(start)).days + 1
    return max(1, round(days / 30.4375))


def months_between(start: str, end: str) -> list[str]:
    """Billing months of a contract term, starting with the start month."""
    return [ym_add(start[:7], i) for i in range(term_months(start, end))]


def seat_total(code: str, start: str, end: str) -> float:
    t = SEAT_TOOLS[code]
    total = 0.0
    for m in months_between(start, end):
        seats = step(t["sched"], m) or 0
        total += seats * t["price"]
    return total


def recent_run_rate(codes: list[str], vendor: str) -> float:
    """Annualised spend of the last 3 months for the given systems at the given vendor."""
    s = sum(float(r[3]) for r in cost_rows
            if r[0] in MONTHS[-3:] and r[1] == vendor and r[2] in codes)
    return s / 3 * 12


def rnd(x: float, to: int = 1000) -> float:
    return round(x / to) * to


contracts = []


def contract(ref, name, vendor, status, pricing, start, end, auto, notice, total, annual, cur, seats,
             owner, dept, dpa, systems):
    contracts.append([ref, name, vendor, status, pricing, start, end, yn(auto), notice,
                      money(total) if total is not None else "", money(annual) if annual is not None else "",
                      cur, seats if seats is not None else "", owner, COST_CENTERS[dept], yn(dpa),
                      ";".join(systems)])


def seat_contract(ref, name, code, status, start, end, auto, notice, owner, dept, dpa, systems, vendor=None):
    t = SEAT_TOOLS[code]
    seats = step(t["sched"], min(end[:7], LAST_DATA_MONTH))
    total = seat_total(code, start, end)
    annual = seats * t["price"] * 12
    contract(ref, name, vendor or t["vendor"], status, "per_seat", start, end, auto, notice,
             total, annual, t["cur"], seats, owner, dept, dpa, systems)


def usage_contract(ref, name, vendor, status, pricing, start, end, auto, notice, cur, codes, owner, dept,
                   dpa, systems, annual=None):
    if annual is None:
        annual = rnd(recent_run_rate(codes, vendor))
    total = annual * term_months(start, end) / 12
    contract(ref, name, vendor, status, pricing, start, end, auto, notice, rnd(total, 100), annual, cur, None,
             owner, dept, dpa, systems)


seat_contract("CTR-2025-003", "ChatGPT Enterprise order form", "AIS-001", "pending_renewal",
              "2025-02-01", "2027-01-31", False, 60, "Daniel Okafor", "IT", True, ["AIS-001", "AIS-031"])
usage_contract("CTR-2025-018", "OpenAI API – enterprise API agreement (Scale Tier)", "OpenAI", "active", "usage",
               "2025-06-01", "2027-05-31", True, 30, "USD", ["AIS-024"], "Jakub Svoboda", "Engineering", True,
               ["AIS-024", "AIS-031", "AIS-032"])
seat_contract("CTR-2025-024", "Claude Team plan (annual)", "AIS-004", "pending_renewal",
              "2025-09-01", "2026-12-31", True, 30, "Jakub Svoboda", "Engineering", True, ["AIS-004", "AIS-033"])
usage_contract("CTR-2025-019", "Anthropic API – commercial terms", "Anthropic", "active", "usage",
               "2025-06-09", "2027-06-08", True, 30, "USD", ["AIS-025", "AIS-047"], "Jakub Svoboda",
               "Engineering", True, ["AIS-025", "AIS-033", "AIS-034", "AIS-047"])
seat_contract("CTR-2024-031", "Microsoft 365 Copilot – CSP annual commitment (year 1)", "AIS-002", "expired",
              "2024-11-01", "2025-06-30", False, 30, "Marco de Vries", "IT", True, ["AIS-002"])
seat_contract("CTR-2025-015", "Microsoft 365 Copilot – CSP commitment (2-year, with true-ups)", "AIS-002",
              "active", "2025-07-01", "2027-06-30", False, 60, "Marco de Vries", "IT", True, ["AIS-002"])
usage_contract("CTR-2024-022", "Azure consumption commitment – Azure OpenAI allocation", "Microsoft", "active",
               "commit_overage", "2024-07-01", "2027-06-30", False, 90, "EUR", ["AIS-026", "AIS-048"],
               "Tomasz Nowak", "IT", True, ["AIS-026", "AIS-048"], annual=240000.00)
contract("CTR-2024-029", "Copilot Studio message capacity packs", "Microsoft", "terminated", "flat",
         "2024-10-01", "2026-03-31", False, 30, 920 * 18, 920 * 12, "EUR", None, "Emma Lindqvist", "HR", True,
         ["AIS-052"])
seat_contract("CTR-2024-035", "GitHub Copilot Business (2-year)", "AIS-003", "active",
              "2024-12-11", "2026-12-10", True, 30, "Priya Raman", "Engineering", True, ["AIS-003"])
seat_contract("CTR-2025-027", "Glean Enterprise – annual prepaid, 2-year term", "AIS-005", "active",
              "2025-11-01", "2027-10-31", False, 90, "Daniel Okafor", "IT", True, ["AIS-005"])
seat_contract("CTR-2024-008", "Grammarly Business (3-year)", "AIS-006", "active",
              "2024-03-21", "2027-03-20", True, 60, "Oliver Bennett", "Marketing", True, ["AIS-006"])
seat_contract("CTR-2023-006", "DeepL Pro Advanced seats", "AIS-007", "active",
              "2023-05-01", "2027-04-30", True, 90, "Rafael Gómez", "Operations", True, ["AIS-007"])
usage_contract("CTR-2024-017", "DeepL API Pro – tiered character volume", "DeepL", "active", "tiered",
               "2024-06-03", "2027-06-02", True, 90, "EUR", ["AIS-030", "AIS-046"], "Rafael Gómez",
               "Operations", True, ["AIS-030", "AIS-046"])
seat_contract("CTR-2024-033", "Otter.ai Business (2-year)", "AIS-008", "active",
              "2024-12-21", "2026-12-20", True, 30, "Lukas Becker", "Sales", True, ["AIS-008"])
contract("CTR-2026-019", "Otter.ai Enterprise upgrade – all Sales staff", "Otter.ai", "cancelled", "per_seat",
         "2026-08-01", "2027-07-31", False, 30, 180 * 30.00 * 12, 180 * 30.00 * 12, "USD", 180, "Lukas Becker",
         "Sales", False, ["AIS-008"])
seat_contract("CTR-2024-020", "Notion AI add-on (Business plan)", "AIS-009", "active",
              "2024-08-01", "2027-07-31", True, 60, "Freya Thompson", "Marketing", True, ["AIS-009"])
contract("CTR-2024-009", "Luminance contract review licence (3-year)", "Luminance", "active", "flat",
         "2024-04-01", "2027-03-31", False, 90, 288000.00, 96000.00, "GBP", 25, "Jean-Luc Moreau", "Legal", True,
         ["AIS-010"])
seat_contract("CTR-2024-004", "Jasper Teams", "AIS-011", "expired",
              "2024-02-01", "2025-12-31", False, 30, "Freya Thompson", "Marketing", False, ["AIS-011"])
seat_contract("CTR-2024-027", "Zendesk Advanced AI add-on", "AIS-017", "pending_renewal",
              "2024-10-01", "2027-02-14", False, 60, "Sofia Marchetti", "Customer Service", True, ["AIS-017"])
usage_contract("CTR-2025-007", "Zendesk AI agents – automated resolutions", "Zendesk", "pending_renewal",
               "commit_overage", "2025-02-15", "2027-02-14", False, 60, "USD", ["AIS-018"], "Sofia Marchetti",
               "Customer Service", True, ["AIS-018"], annual=135000.00)
seat_contract("CTR-2024-010", "Einstein for Sales add-on", "AIS-015", "active",
              "2024-03-15", "2027-03-14", True, 90, "Hannah Schreiber", "Sales", True, ["AIS-015"])
contract("CTR-2025-005", "Einstein Conversation Insights add-on", "Salesforce", "terminated", "per_seat",
         "2025-03-01", "2025-11-30", False, 30, 40 * 50.00 * 9, 40 * 50.00 * 12, "USD", 40, "Hannah Schreiber",
         "Sales", True, ["AIS-016"])
contract("CTR-2026-006", "Now Assist for ITSM Pro Plus", "ServiceNow", "active", "flat",
         "2026-04-01", "2028-03-31", False, 90, 300000.00, 150000.00, "EUR", None, "Ravi Mehta", "IT", True,
         ["AIS-019", "AIS-020"])
contract("CTR-2025-012", "Workday HiredScore AI for Recruiting", "Workday", "active", "flat",
         "2025-06-01", "2027-05-31", False, 90, 144000.00, 72000.00, "EUR", None, "Emma Lindqvist", "HR", True,
         ["AIS-014"])
contract("CTR-2024-026", "UiPath Automation Cloud Enterprise – platform units", "UiPath", "active", "tiered",
         "2024-09-18", "2027-09-17", True, 90, 792000.00, 264000.00, "USD", None, "Ana Ribeiro", "Finance", True,
         ["AIS-021", "AIS-022"])
contract("CTR-2026-011", "Cognigy.AI voice agent pilot", "Cognigy", "active", "flat",
         "2026-06-01", "2026-11-30", False, 30, 57000.00, 114000.00, "EUR", None, "Chloé Dubois",
         "Customer Service", True, ["AIS-023"])
contract("CTR-2026-024", "Cognigy.AI production subscription (3-year)", "Cognigy", "draft", "tiered",
         "2026-12-01", "2029-11-30", True, 90, 540000.00, 180000.00, "EUR", None, "Chloé Dubois",
         "Customer Service", False, ["AIS-023"])
usage_contract("CTR-2024-025", "Databricks commit – DBUs incl. Mosaic AI", "Databricks", "active",
               "commit_overage", "2024-10-01", "2027-09-30", False, 90, "USD",
               ["AIS-039", "AIS-040", "AIS-045", "AIS-053", ""], "Aisha Bello", "Data & Analytics", True,
               ["AIS-039", "AIS-040", "AIS-042", "AIS-045", "AIS-053"], annual=240000.00)
usage_contract("CTR-2024-021", "AWS Enterprise Discount Program – AI/ML allocation", "AWS", "active",
               "commit_overage", "2024-09-01", "2027-08-31", False, 90, "USD", ["AIS-027", "AIS-044", "AIS-049"],
               "Tomasz Nowak", "IT", True, ["AIS-027", "AIS-036", "AIS-044", "AIS-049"], annual=180000.00)
usage_contract("CTR-2026-015", "Google Cloud – Vertex AI pay-as-you-go", "Google Cloud", "active", "usage",
               "2026-06-01", "2028-05-31", True, 30, "USD", ["AIS-028"], "Aisha Bello", "Data & Analytics", True,
               ["AIS-028", "AIS-035"], annual=24000.00)
usage_contract("CTR-2025-026", "Mistral La Plateforme – Scale plan", "Mistral AI", "active", "usage",
               "2025-10-13", "2027-10-12", True, 30, "EUR", ["AIS-029"], "Jakub Svoboda", "Engineering", True,
               ["AIS-029", "AIS-037"])
contract("CTR-2025-001", "Faculty SoW 1 – ETA model v3", "Faculty", "expired", "flat",
         "2025-01-06", "2025-09-30", False, 30, 342000.00, rnd(342000 * 12 / 9), "GBP", None, "Aisha Bello",
         "Data & Analytics", True, ["AIS-038"])
contract("CTR-2026-004", "Faculty SoW 2 – payment-risk model revalidation & bias testing", "Faculty", "active",
         "flat", "2026-03-02", "2026-12-18", False, 30, 285000.00, rnd(285000 * 12 / 10), "GBP", None,
         "Lars Johansson", "Finance", True, ["AIS-040"])

contracts.sort(key=lambda c: c[0])

# ---------------------------------------------------------------- initiatives
INITIATIVE_HEADER = ["code", "name", "problem_statement", "sponsor", "owner", "department", "stage",
                     "stage_entered_on", "health", "priority", "planned_go_live", "expected_benefits",
                     "success_criteria", "kill_criteria", "lessons_learned", "systems"]
HISTORY_HEADER = ["initiative_code", "from_stage", "to_stage", "decided_on", "decision", "decided_by", "rationale"]

SC = "AI Steering Committee"

# Each initiative: fields + path [(to_stage, date, decision, decided_by, rationale or None)]
INITIATIVES = [
    dict(code="INI-001", name="Microsoft 365 Copilot rollout to knowledge workers",
         problem="Office staff spend ~9 h/week on email, meeting follow-ups and document drafting.",
         sponsor="Katharina Vogel", owner="Tomasz Nowak", dept="IT", health="amber", priority=2,
         go_live="2025-07-01",
         benefits="Save 2 h/week per licensed user; ~EUR 2.1m annual productivity at 1,200 users.",
         success="≥60% monthly active among licensed users; ≥1.5 h/week self-reported saving.",
         kill="Monthly active below 35% for two consecutive quarters.", lessons="",
         systems=["AIS-002"],
         path=[("idea", "2024-06-10", "go", "Daniel Okafor", None),
               ("assessment", "2024-07-15", "go", "Daniel Okafor", None),
               ("pilot", "2024-11-04", "conditional_go", SC,
                "Pilot with 300 licences, conditional on DPIA sign-off and a works-council agreement "
                "that Copilot data is not used for performance monitoring."),
               ("production", "2025-07-01", "go", SC, None),
               ("scaled", "2026-01-12", "conditional_go", SC,
                "Scale to 900 then 1,200 licences; reclaim licences inactive for 60 days.")]),
    dict(code="INI-002", name="ChatGPT Enterprise for office staff",
         problem="Staff were pasting company data into personal ChatGPT accounts (shadow AI).",
         sponsor="Katharina Vogel", owner="Daniel Okafor", dept="IT", health="green", priority=1,
         go_live="2025-02-01",
         benefits="Remove shadow-AI data leakage; 1.5 h/week saved per active user.",
         success="≥70% weekly active; personal-account expense claims down 80%.",
         kill="Security incident attributable to the tool.", lessons="",
         systems=["AIS-001", "AIS-031"],
         path=[("idea", "2024-07-01", "go", "Felix Braun", None),
               ("assessment", "2024-07-22", "go", "Daniel Okafor", None),
               ("pilot", "2024-09-16", "go", SC, None),
               ("production", "2025-02-01", "go", SC, None),
               ("scaled", "2025-08-04", "go", SC,
                "Weekly active 78% in the first 300 seats; expand in waves to 600 seats.")]),
    dict(code="INI-003", name="AI coding assistants for Engineering",
         problem="Feature lead time of 19 days; developers spend much time on boilerplate and tests.",
         sponsor="Priya Raman", owner="Jakub Svoboda", dept="Engineering", health="green", priority=2,
         go_live="2024-12-11",
         benefits="20% faster cycle time; higher test coverage.",
         success="≥80% weekly active developers; PR cycle time -15%.",
         kill="Increase in escaped defects attributable to AI-generated code.", lessons="",
         systems=["AIS-003", "AIS-004"],
         path=[("idea", "2024-01-15", "go", "Priya Raman", None),
               ("assessment", "2024-02-05", "go", "Daniel Okafor", None),
               ("pilot", "2024-03-11", "go", "Priya Raman", None),
               ("production", "2024-12-11", "go", SC, None),
               ("scaled", "2025-09-08", "go", SC,
                "Extend to Data & Analytics and add Claude Team for agentic coding alongside Copilot.")]),
    dict(code="INI-004", name="Customer service ticket triage automation",
         problem="22% of tickets land in the wrong queue; first response time 9.5 h.",
         sponsor="Sofia Marchetti", owner="Chloé Dubois", dept="Customer Service", health="green", priority=2,
         go_live="2025-01-20",
         benefits="First response time -30%; 6 FTE of manual routing redeployed.",
         success="Routing accuracy ≥90%; FRT below 6 h.", kill="Routing accuracy below 80% after tuning.",
         lessons="", systems=["AIS-017"],
         path=[("idea", "2024-06-03", "go", "Sofia Marchetti", None),
               ("assessment", "2024-07-01", "go", "Daniel Okafor", None),
               ("pilot", "2024-10-07", "go", "Sofia Marchetti", None),
               ("production", "2025-01-20", "go", SC, None)]),
    dict(code="INI-005", name="Shipment status self-service bot",
         problem="41% of customer contacts are 'where is my shipment' questions.",
         sponsor="Sofia Marchetti", owner="Chloé Dubois", dept="Customer Service", health="amber", priority=1,
         go_live="2025-06-02",
         benefits="Deflect 50% of WISMO contacts; ~EUR 640k annual saving.",
         success="Containment ≥50%; CSAT for bot conversations ≥4.0/5.",
         kill="CSAT below 3.5 for two months or containment below 25%.", lessons="",
         systems=["AIS-018"],
         path=[("idea", "2024-11-04", "go", "Sofia Marchetti", None),
               ("assessment", "2024-12-02", "go", "Daniel Okafor", None),
               ("pilot", "2025-02-17", "conditional_go", SC,
                "Pilot in DE and EN only; AI disclosure banner (EU AI Act Art. 50) and human hand-off button."),
               ("production", "2025-06-02", "go", SC, None),
               ("scaled", "2026-01-05", "conditional_go", SC,
                "Add PL and NL; containment at 41% is below target, monthly tuning plan required.")]),
    dict(code="INI-006", name="Voice agent for delivery rescheduling",
         problem="Phone lines are overloaded during peak; 18% abandoned calls on the DE line.",
         sponsor="Sofia Marchetti", owner="Chloé Dubois", dept="Customer Service", health="amber", priority=2,
         go_live="2027-01-15",
         benefits="Automate 35% of rescheduling calls; abandoned calls below 8%.",
         success="≥35% end-to-end automation; CSAT ≥4.0; no complaints about undisclosed AI.",
         kill="Automation below 15% after 3 months or regulator complaint.", lessons="",
         systems=["AIS-023"],
         path=[("idea", "2025-11-10", "go", "Sofia Marchetti", None),
               ("assessment", "2026-01-12", "go", "Daniel Okafor", None),
               ("pilot", "2026-05-18", "conditional_go", SC,
                "Limited to DE inbound rescheduling calls; disclose the AI at call start; hand off to a human "
                "on request; call recordings kept 30 days.")]),
    dict(code="INI-007", name="Automated translation of customs paperwork (Übersetzungs-Assistent)",
         problem="Customs documents arrive in 9 languages; brokers retype and translate by hand, "
                 "causing 1–2 day border delays.",
         sponsor="Katharina Vogel", owner="Rafael Gómez", dept="Operations", health="green", priority=1,
         go_live="2025-06-16",
         benefits="Border dwell time -30%; 4 FTE of translation effort saved.",
         success="≥95% field accuracy on pre-filled declarations; broker sign-off time -40%.",
         kill="Any customs penalty caused by an AI pre-fill error.", lessons="",
         systems=["AIS-046", "AIS-030", "AIS-032"],
         path=[("idea", "2024-11-18", "go", "Rafael Gómez", None),
               ("assessment", "2025-01-13", "go", "Daniel Okafor", None),
               ("pilot", "2025-03-10", "go", SC, None),
               ("production", "2025-06-16", "go", SC, None)]),
    dict(code="INI-008", name="Cross-border shipment exception triage agent",
         problem="Planners handle ~1,400 exception events a week; customers learn about delays late.",
         sponsor="Katharina Vogel", owner="Jakub Svoboda", dept="Operations", health="amber", priority=1,
         go_live="2027-02-01",
         benefits="Customer notified within 1 h of an exception; 5 planner FTE freed.",
         success="≥70% of proposals accepted unchanged by planners; cost per exception below EUR 0.60.",
         kill="Acceptance below 40% after 4 months or a wrong customer notification with commercial impact.",
         lessons="", systems=["AIS-047", "AIS-025", "AIS-033"],
         path=[("idea", "2025-09-15", "go", "Katharina Vogel", None),
               ("assessment", "2025-10-27", "go", "Daniel Okafor", None),
               ("pilot", "2026-02-09", "conditional_go", SC,
                "Human approval of every customer message; no restricted data sent to the US-hosted API; "
                "monthly spend cap on the API workspace.")]),
    dict(code="INI-009", name="Quote & Tender Assistant for freight RFQs",
         problem="Tender responses take 6–8 working days; we decline ~30% of RFQs for lack of capacity.",
         sponsor="Hannah Schreiber", owner="Lukas Becker", dept="Sales", health="amber", priority=2,
         go_live="2027-03-01",
         benefits="Respond to 25% more tenders; response time below 3 days.",
         success="Draft accepted with ≤20% edits on 70% of lanes; win rate not lower than baseline.",
         kill="Pricing errors in submitted tenders or no time saving after 3 months.", lessons="",
         systems=["AIS-048", "AIS-026"],
         path=[("idea", "2025-03-03", "go", "Hannah Schreiber", None),
               ("assessment", "2025-04-14", "go", "Daniel Okafor", None),
               ("on_hold", "2025-06-30", "hold", SC,
                "Tender history scattered across SharePoint and email; pause until CRM outcome data is cleaned up."),
               ("assessment", "2026-01-19", "go", SC,
                "CRM clean-up finished (won/lost captured for 2024–2025 tenders); resume assessment."),
               ("pilot", "2026-06-01", "go", SC, None)]),
    dict(code="INI-010", name="Supplier invoice processing automation",
         problem="AP team keys 38,000 invoices a month by hand; 11-day processing time.",
         sponsor="Lars Johansson", owner="Ana Ribeiro", dept="Finance", health="green", priority=2,
         go_live="2024-01-15",
         benefits="70% touchless invoices; 9 FTE redeployed; early-payment discounts captured.",
         success="Touchless rate ≥70%; cycle time below 4 days.", kill="Touchless rate below 40% after a year.",
         lessons="", systems=["AIS-021", "AIS-022"],
         path=[("idea", "2023-06-05", "go", "Lars Johansson", None),
               ("assessment", "2023-07-03", "go", "Ana Ribeiro", None),
               ("pilot", "2023-09-18", "go", "Lars Johansson", None),
               ("production", "2024-01-15", "go", SC, None),
               ("scaled", "2025-07-07", "go", SC,
                "Extend to carrier invoices and add the Autopilot exception agent.")]),
    dict(code="INI-011", name="Carrier invoice audit agent",
         problem="Subcontracted carriers overbill fuel surcharges and waiting time; audits cover 5% of invoices.",
         sponsor="Lars Johansson", owner="Ana Ribeiro", dept="Finance", health="green", priority=3,
         go_live="2027-06-01",
         benefits="Recover ~EUR 400k a year in overbilling.",
         success="Audit 100% of carrier invoices; ≥EUR 25k recovered per month.",
         kill="Recovery below agent running cost after 6 months.", lessons="",
         systems=["AIS-051"],
         path=[("idea", "2026-08-24", "go", "Lars Johansson", None),
               ("assessment", "2026-10-19", "go", "Daniel Okafor", None)]),
    dict(code="INI-012", name="Payment-risk scoring for new B2B customers",
         problem="Bad debt of EUR 2.8m in 2023; credit checks take 3 days and block onboarding.",
         sponsor="Lars Johansson", owner="Aisha Bello", dept="Finance", health="red", priority=1,
         go_live="2024-09-02",
         benefits="Bad debt -25%; onboarding credit decision within 1 day.",
         success="Gini ≥0.55; no disparate impact on sole traders; 100% human review of declines.",
         kill="Model fails revalidation or the high-risk obligations cannot be met by 2 Aug 2027.",
         lessons="", systems=["AIS-040"],
         path=[("idea", "2023-11-06", "go", "Lars Johansson", None),
               ("assessment", "2024-01-08", "go", "Daniel Okafor", None),
               ("pilot", "2024-06-17", "conditional_go", SC,
                "High-risk under EU AI Act Annex III 5(b) where the customer is a natural person (sole "
                "traders); human review of every decline."),
               ("production", "2024-09-02", "conditional_go", SC,
                "Go-live with human-in-the-loop; revalidation and bias testing to be commissioned within 18 months.")]),
    dict(code="INI-013", name="AI-assisted CV screening for warehouse hiring",
         problem="9,000 applications a year for warehouse and driver roles; time-to-hire 34 days.",
         sponsor="Emma Lindqvist", owner="Julia Kowalski", dept="HR", health="red", priority=3,
         go_live="2026-09-01",
         benefits="Time-to-hire below 20 days; recruiters focus on interviews.",
         success="Time-to-hire -40%; adverse-impact ratio ≥0.8 for all protected groups.",
         kill="Works council rejects the agreement or FRIA shows unmitigable bias.", lessons="",
         systems=["AIS-014"],
         path=[("idea", "2025-03-17", "go", "Emma Lindqvist", None),
               ("assessment", "2025-04-22", "go", "Daniel Okafor", None),
               ("pilot", "2025-06-02", "conditional_go", SC,
                "High-risk (Annex III employment). Pilot in two depots only; recruiters see grades but decide; "
                "DPIA and FRIA to be completed during pilot."),
               ("on_hold", "2026-07-01", "hold", SC,
                "Works council objected and the FRIA is incomplete; grading switched off pending reassessment "
                "of the system and the vendor's conformity documentation.")]),
    dict(code="INI-014", name="Enterprise knowledge search (Glean)",
         problem="Staff spend ~2.5 h/week searching for SOPs, policies and customer history across 6 tools.",
         sponsor="Katharina Vogel", owner="Daniel Okafor", dept="IT", health="amber", priority=2,
         go_live="2025-11-03",
         benefits="Save 1 h/week per user; retire the HR policy bot and two intranet search tools.",
         success="≥50% monthly active among licensed users within 6 months.",
         kill="Monthly active below 30% after 9 months.", lessons="", systems=["AIS-005"],
         path=[("idea", "2025-05-05", "go", "Daniel Okafor", None),
               ("assessment", "2025-06-09", "go", "Tomasz Nowak", None),
               ("pilot", "2025-08-18", "go", SC, None),
               ("production", "2025-11-03", "go", SC, None)]),
    dict(code="INI-015", name="ETA prediction v3",
         problem="Customer-facing ETAs wrong by >2 h for 31% of consignments.",
         sponsor="Katharina Vogel", owner="Aisha Bello", dept="Data & Analytics", health="green", priority=1,
         go_live="2025-07-14",
         benefits="ETA accuracy within 1 h for 85% of consignments; fewer WISMO contacts.",
         success="MAE below 45 minutes on linehaul; WISMO contacts -10%.",
         kill="No accuracy gain over v2 in A/B test.", lessons="", systems=["AIS-038"],
         path=[("idea", "2024-10-14", "go", "Aisha Bello", None),
               ("assessment", "2024-11-11", "go", "Daniel Okafor", None),
               ("pilot", "2025-01-06", "go", SC, "Build with Faculty (SoW 1); shadow-mode A/B against v2."),
               ("production", "2025-07-14", "go", SC, None),
               ("scaled", "2025-10-06", "go", SC, "Roll out to all countries and the customer portal.")]),
    dict(code="INI-016", name="Demand forecasting for depot staffing",
         problem="Depot staffing planned on last year's volumes; 14% overtime and agency cost overruns.",
         sponsor="Ingrid Halvorsen", owner="Mehmet Yilmaz", dept="Operations", health="green", priority=2,
         go_live="2024-06-03",
         benefits="Agency staff cost -12%.", success="Forecast error (WAPE) below 10% at depot/day level.",
         kill="WAPE worse than planners' manual forecast.", lessons="", systems=["AIS-039"],
         path=[("idea", "2023-10-02", "go", "Ingrid Halvorsen", None),
               ("assessment", "2023-11-06", "go", "Aisha Bello", None),
               ("pilot", "2024-01-22", "go", "Ingrid Halvorsen", None),
               ("production", "2024-06-03", "go", SC, None)]),
    dict(code="INI-017", name="Warehouse slotting optimiser",
         problem="Pickers walk 14 km per shift in the Hamburg warehouse.",
         sponsor="Ingrid Halvorsen", owner="Mehmet Yilmaz", dept="Operations", health="green", priority=4,
         go_live="2023-10-02",
         benefits="Picker travel distance -15%.", success="Travel distance -10% in A/B zones.",
         kill="No measurable distance reduction.",
         lessons="Delivered an 11% travel reduction in year one, but the model was never retrained after the "
                 "2024 warehouse re-layout and drifted. The WMS vendor's native slotting module now covers "
                 "the use case at no extra cost. Lesson: budget ownership for retraining before go-live.",
         systems=["AIS-042"],
         path=[("idea", "2023-02-06", "go", "Ingrid Halvorsen", None),
               ("assessment", "2023-03-06", "go", "Aisha Bello", None),
               ("pilot", "2023-05-15", "go", "Ingrid Halvorsen", None),
               ("production", "2023-10-02", "go", SC, None),
               ("retired", "2025-09-29", "go", SC,
                "Retire: replaced by the WMS vendor's native slotting module; model not retrained since the 2024 "
                "re-layout.")]),
    dict(code="INI-018", name="Warehouse workforce sentiment monitoring",
         problem="High attrition in the Gdańsk warehouse; a camera vendor proposed mood analytics from CCTV.",
         sponsor="Ingrid Halvorsen", owner="Mehmet Yilmaz", dept="Operations", health="red", priority=4,
         go_live="2025-10-01",
         benefits="Earlier intervention on team morale; attrition -5 points.",
         success="n/a", kill="Any legal objection.",
         lessons="Emotion recognition in the workplace has been prohibited under EU AI Act Art. 5(1)(f) since "
                 "2 Feb 2025. The prototype captured three weeks of footage that had to be deleted and reported "
                 "to the DPO. Screen vendor demos against the prohibited practices at intake, before any "
                 "prototype; the intake form now asks explicitly about biometric and emotion inference.",
         systems=["AIS-043"],
         path=[("idea", "2025-05-26", "go", "Ingrid Halvorsen", None),
               ("assessment", "2025-06-16", "conditional_go", "Daniel Okafor",
                "Assess feasibility with Legal and the DPO before any live use."),
               ("killed", "2025-07-14", "kill", SC,
                "Prohibited practice (emotion recognition at work, Art. 5(1)(f)); Legal and DPO veto. "
                "Prototype stopped and footage deleted.")]),
    dict(code="INI-019", name="Marketing copy generation with Jasper",
         problem="Campaign copy production is slow; agency costs EUR 180k a year.",
         sponsor="Oliver Bennett", owner="Freya Thompson", dept="Marketing", health="red", priority=4,
         go_live="2024-06-01",
         benefits="Agency copywriting spend -40%.", success="50% of campaign copy first-drafted in Jasper.",
         kill="No reduction in agency spend after 6 months.",
         lessons="The pilot ran for 20 months without an end date or a baseline. Once ChatGPT Enterprise was "
                 "rolled out nobody could show Jasper added value, and agency spend had not moved. Brand-voice "
                 "templates were rebuilt as custom GPTs in two weeks. Give every pilot an end date and a "
                 "comparison against tools we already pay for.",
         systems=["AIS-011"],
         path=[("idea", "2024-01-08", "go", "Oliver Bennett", None),
               ("assessment", "2024-01-22", "go", "Daniel Okafor", None),
               ("pilot", "2024-02-01", "go", "Oliver Bennett", None),
               ("killed", "2025-10-20", "kill", SC,
                "Duplicate of ChatGPT Enterprise capabilities; utilisation 20%; contract not renewed.")]),
    dict(code="INI-020", name="Autonomous spot-freight pricing engine",
         problem="Spot quotes are priced by gut feel; margins vary from -4% to 31% on the same lane.",
         sponsor="Hannah Schreiber", owner="Lukas Becker", dept="Sales", health="red", priority=2,
         go_live="2026-06-01",
         benefits="Spot margin +3 points; quote time from hours to minutes.",
         success="Backtest pricing error below 5% on 80% of lanes.",
         kill="Backtest error above 10% on more than a quarter of lanes.",
         lessons="60% of historical spot quotes had no won/lost outcome recorded, so the model learned list "
                 "prices rather than market prices. Fix CRM outcome capture first (now done as groundwork for "
                 "INI-009). Sales managers also rejected fully autonomous pricing; human approval should have "
                 "been tested during assessment, not after the pilot.",
         systems=["AIS-024", "AIS-031"],
         path=[("idea", "2025-08-04", "go", "Hannah Schreiber", None),
               ("assessment", "2025-09-01", "go", "Daniel Okafor", None),
               ("pilot", "2025-11-17", "conditional_go", SC,
                "Backtest-only pilot on 40 lanes; no prices sent to customers."),
               ("killed", "2026-04-27", "kill", SC,
                "Backtest pricing error above 12% on 38% of lanes; root cause is missing win/loss data.")]),
    dict(code="INI-021", name="AI meeting notes for all staff",
         problem="Meeting notes and actions are inconsistent; sales call follow-ups slip.",
         sponsor="Hannah Schreiber", owner="Lukas Becker", dept="Sales", health="amber", priority=4,
         go_live="2026-09-01",
         benefits="30 min/day saved for meeting-heavy roles.",
         success="Consent captured for 100% of recorded meetings; ≥60% weekly active.",
         kill="Works council agreement not reachable by 2027-03.", lessons="", systems=["AIS-008"],
         path=[("idea", "2024-04-15", "go", "Hannah Schreiber", None),
               ("assessment", "2024-05-06", "go", "Daniel Okafor", None),
               ("pilot", "2024-05-21", "go", "Hannah Schreiber", None),
               ("on_hold", "2026-04-13", "hold", SC,
                "German works council and Polish staff representatives require a consent workflow; Otter.ai "
                "restricted to internal meetings; compare with Teams Copilot recap before any expansion.")]),
    dict(code="INI-022", name="HR policy Q&A bot",
         problem="HR shared-service mailbox receives 2,000 policy questions a month.",
         sponsor="Emma Lindqvist", owner="Julia Kowalski", dept="HR", health="green", priority=4,
         go_live="2025-01-13",
         benefits="Deflect 40% of policy questions.", success="Deflection ≥40%; answer accuracy ≥95%.",
         kill="Accuracy below 90%.",
         lessons="Deflection peaked at 28%: answers went stale because nobody owned bot content after "
                 "policy updates. Glean answers from the live policy pages, so the bot was retired. "
                 "Prefer tools that read the source of truth over curated Q&A content.",
         systems=["AIS-052"],
         path=[("idea", "2024-08-12", "go", "Emma Lindqvist", None),
               ("assessment", "2024-09-02", "go", "Daniel Okafor", None),
               ("pilot", "2024-10-01", "go", "Emma Lindqvist", None),
               ("production", "2025-01-13", "go", SC, None),
               ("retired", "2026-03-31", "go", SC,
                "Retire: superseded by Glean, which indexes the HR policy space; content could not be kept "
                "current.")]),
    dict(code="INI-023", name="AI sales email drafting with Agentforce",
         problem="Inbound SME leads wait 2 days for a first response; 35% never get one.",
         sponsor="Hannah Schreiber", owner="Lukas Becker", dept="Sales", health="green", priority=3,
         go_live="2027-04-01",
         benefits="First response below 1 h; +15% SME conversions.",
         success="Reply rate not lower than human baseline; no escalated unsubscribe or spam complaints.",
         kill="Brand or GDPR complaints during pilot.", lessons="", systems=["AIS-050"],
         path=[("idea", "2026-07-06", "go", "Hannah Schreiber", None),
               ("assessment", "2026-08-17", "go", "Daniel Okafor", None)]),
    dict(code="INI-024", name="Procurement spend classification",
         problem="30% of indirect spend is uncategorised; maverick buying is invisible.",
         sponsor="Lars Johansson", owner="Marco de Vries", dept="Procurement", health="green", priority=3,
         go_live="2027-01-15",
         benefits="Addressable savings of EUR 1.2m identified in indirect spend.",
         success="≥92% classification accuracy on a 2,000-line sample.",
         kill="Accuracy below 85%.", lessons="", systems=["AIS-049", "AIS-027", "AIS-034"],
         path=[("idea", "2026-06-15", "go", "Marco de Vries", None),
               ("assessment", "2026-09-07", "go", "Daniel Okafor", None)]),
    dict(code="INI-025", name="Customer churn early-warning",
         problem="We learn about lost volume only after accounts have moved to competitors.",
         sponsor="Hannah Schreiber", owner="Aisha Bello", dept="Sales", health="green", priority=3,
         go_live="2027-03-01",
         benefits="Retain EUR 3m of annual revenue at risk.",
         success="Top-decile precision ≥40%; account managers act on ≥60% of alerts.",
         kill="Precision no better than volume-trend rule.", lessons="", systems=["AIS-045"],
         path=[("idea", "2026-05-04", "go", "Hannah Schreiber", None),
               ("assessment", "2026-08-03", "go", "Daniel Okafor", None)]),
    dict(code="INI-026", name="IT helpdesk virtual agent",
         problem="Service desk handles 6,500 tickets a month; 40% are password and access requests.",
         sponsor="Tomasz Nowak", owner="Ravi Mehta", dept="IT", health="green", priority=3,
         go_live="2026-12-01",
         benefits="Deflect 30% of tickets; handling time -20% with agent assist.",
         success="Deflection ≥30%; employee CSAT ≥4.2.", kill="Deflection below 10% after 3 months.",
         lessons="", systems=["AIS-019", "AIS-020"],
         path=[("idea", "2025-11-03", "go", "Ravi Mehta", None),
               ("assessment", "2026-01-19", "go", "Daniel Okafor", None),
               ("pilot", "2026-05-04", "go", "Tomasz Nowak", None)]),
    dict(code="INI-027", name="AI contract review for Legal",
         problem="External counsel spend EUR 1.4m a year, much of it on routine NDAs and carrier contracts.",
         sponsor="Lars Johansson", owner="Jean-Luc Moreau", dept="Legal", health="green", priority=3,
         go_live="2024-07-01",
         benefits="External counsel spend -25%; NDA turnaround in 1 day.",
         success="60% of NDAs reviewed in-house within 24 h.", kill="No reduction in external spend after a year.",
         lessons="", systems=["AIS-010"],
         path=[("idea", "2023-11-13", "go", "Jean-Luc Moreau", None),
               ("assessment", "2023-12-04", "go", "Niamh O'Connor", None),
               ("pilot", "2024-01-15", "go", "Jean-Luc Moreau", None),
               ("production", "2024-07-01", "go", SC, None)]),
    dict(code="INI-028", name="Fraudulent carrier invoice detection",
         problem="Two subcontractor fraud cases in 2025 cost EUR 310k before detection.",
         sponsor="Lars Johansson", owner="Mehmet Yilmaz", dept="Finance", health="green", priority=2,
         go_live="2026-12-15",
         benefits="Detect duplicate and inflated invoices before payment.",
         success="Precision ≥30% at 2% alert rate; both 2025 cases detected in backtest.",
         kill="Alert precision below 10%.", lessons="", systems=["AIS-044"],
         path=[("idea", "2025-12-01", "go", "Lars Johansson", None),
               ("assessment", "2026-01-26", "go", "Daniel Okafor", None),
               ("pilot", "2026-04-13", "go", SC, None)]),
    dict(code="INI-029", name="EU-hosted open-weight LLM platform",
         problem="Some workloads (HR, restricted customer data) cannot go to US-hosted model APIs.",
         sponsor="Priya Raman", owner="Jakub Svoboda", dept="Engineering", health="amber", priority=3,
         go_live="2026-12-01",
         benefits="EU-only option for restricted data; 40% lower cost for bulk summarisation.",
         success="Quality within 5% of GPT-4.1 mini on internal evals; cost per 1k docs -40%.",
         kill="Quality gap above 15% on internal evals.", lessons="",
         systems=["AIS-036", "AIS-027", "AIS-029", "AIS-037"],
         path=[("idea", "2025-01-13", "go", "Priya Raman", None),
               ("assessment", "2025-02-17", "go", "Daniel Okafor", None),
               ("pilot", "2025-10-13", "conditional_go", SC,
                "Pilot Llama 3.3 on Bedrock plus Mistral as sovereign fallback; no restricted data until "
                "evaluation is signed off.")]),
    dict(code="INI-030", name="Dock appointment scheduling optimisation",
         problem="Trucks wait an average of 47 minutes at Hamburg and Rotterdam docks.",
         sponsor="Ingrid Halvorsen", owner="Ingrid Halvorsen", dept="Operations", health="green", priority=4,
         go_live="", benefits="Waiting time -30%; fewer demurrage claims.", success="", kill="", lessons="",
         systems=[],
         path=[("idea", "2026-10-05", "go", "Daniel Okafor", None)]),
    dict(code="INI-031", name="Multilingual driver onboarding assistant",
         problem="New drivers from 14 countries struggle with onboarding material in German and English.",
         sponsor="Emma Lindqvist", owner="Julia Kowalski", dept="HR", health="green", priority=5,
         go_live="", benefits="Onboarding time -2 days; fewer first-month incidents.", success="", kill="",
         lessons="", systems=[],
         path=[("idea", "2026-09-14", "go", "Daniel Okafor", None)]),
    dict(code="INI-032", name="Sales call summarisation and coaching",
         problem="Sales managers coach from anecdotes; call quality varies widely.",
         sponsor="Hannah Schreiber", owner="Lukas Becker", dept="Sales", health="red", priority=4,
         go_live="2025-06-01",
         benefits="Win rate +2 points through structured coaching.",
         success="≥60% of customer calls summarised; managers use insights weekly.",
         kill="Less than 40% of calls can be recorded lawfully.",
         lessons="Consent rules for call recording differ across DE, PL, NL and the UK; 70% of calls could not "
                 "be recorded lawfully, so insights were thin and only 18% of managers used them. Check legal "
                 "feasibility per country and data coverage before buying licences, and negotiate pilot "
                 "licences with an exit clause (we paid three extra months).",
         systems=["AIS-016"],
         path=[("idea", "2025-01-20", "go", "Hannah Schreiber", None),
               ("assessment", "2025-02-10", "go", "Daniel Okafor", None),
               ("pilot", "2025-03-03", "conditional_go", SC, "Pilot in UK and NL teams only, with consent prompt."),
               ("killed", "2025-11-03", "kill", SC,
                "Only 30% of calls recordable; manager usage 18%; terminate add-on at the earliest date.")]),
    dict(code="INI-033", name="Natural-language BI for operations managers",
         problem="Operations managers wait 5 days on average for ad-hoc reports from Data & Analytics.",
         sponsor="Katharina Vogel", owner="Aisha Bello", dept="Data & Analytics", health="green", priority=3,
         go_live="2027-02-01",
         benefits="Halve ad-hoc report requests to Data & Analytics.",
         success="≥85% correct answers on a 150-question benchmark.", kill="Below 70% on the benchmark.",
         lessons="", systems=["AIS-053"],
         path=[("idea", "2026-08-10", "go", "Aisha Bello", None),
               ("assessment", "2026-09-21", "go", "Daniel Okafor", None)]),
    dict(code="INI-034", name="Damaged-pallet photo assessment with multimodal AI",
         problem="Damage claims take 12 days; photo evidence is reviewed manually by claims handlers.",
         sponsor="Ingrid Halvorsen", owner="Mehmet Yilmaz", dept="Operations", health="green", priority=3,
         go_live="2027-04-01",
         benefits="Claims decided in 3 days; EUR 250k less in disputed claims.",
         success="≥90% agreement with claims handlers on damage category.",
         kill="Agreement below 75% on the evaluation set.", lessons="", systems=["AIS-028", "AIS-035"],
         path=[("idea", "2026-05-11", "go", "Ingrid Halvorsen", None),
               ("assessment", "2026-07-06", "go", "Daniel Okafor", None)]),
    dict(code="INI-035", name="AI image generation for marketing campaigns",
         problem="Stock imagery and agency visuals cost EUR 90k a year and take weeks.",
         sponsor="Oliver Bennett", owner="Freya Thompson", dept="Marketing", health="red", priority=5,
         go_live="2026-09-01",
         benefits="Visual production cost -50%.", success="Brand team approves 70% of generated visuals.",
         kill="Vendor terms incompatible with our IP and data-protection requirements.",
         lessons="Two Midjourney seats were bought on a corporate card before review. The terms grant a broad "
                 "licence over prompts and outputs, offer no DPA and no IP indemnity. Check vendor terms "
                 "before buying, even for small card purchases; Designer in Microsoft 365 Copilot now covers "
                 "most needs.",
         systems=["AIS-012"],
         path=[("idea", "2026-05-04", "go", "Oliver Bennett", None),
               ("assessment", "2026-05-12", "go", "Daniel Okafor", None),
               ("killed", "2026-06-15", "kill", SC,
                "Vendor review rejected Midjourney (no DPA, no IP indemnity); expensed seats cancelled.")]),
]

TEMPLATES = {
    (None, "idea"): "Logged via the AI intake form; sponsor confirmed the problem statement.",
    ("idea", "assessment"): "Intake triage passed: clear owner and measurable outcome; proceed to feasibility, "
                            "data-protection and EU AI Act assessment.",
    ("assessment", "pilot"): "Assessment complete (risk tier confirmed, DPIA screening done); pilot scope, "
                             "budget and success criteria approved.",
    ("pilot", "production"): "Pilot met the agreed success criteria; production rollout approved.",
    ("production", "scaled"): "Adoption and benefit targets met in the initial scope; approved to scale.",
}

initiative_rows, history_rows = [], []
for ini in INITIATIVES:
    path = ini["path"]
    last_stage, last_date = path[-1][0], path[-1][1]
    initiative_rows.append([ini["code"], ini["name"], ini["problem"], ini["sponsor"], ini["owner"], ini["dept"],
                            last_stage, last_date, ini["health"], ini["priority"], ini["go_live"],
                            ini["benefits"], ini["success"], ini["kill"], ini["lessons"],
                            ";".join(ini["systems"])])
    prev = None
    for stage, date, decision, by, rationale in path:
        if rationale is None:
            rationale = TEMPLATES[(prev, stage)]
        history_rows.append([ini["code"], prev or "", stage, date, decision, by, rationale])
        prev = stage

# ---------------------------------------------------------------- governance, value, budgets, FX
# Everything below is added after the contracts are sized, so it changes none of the figures above
# and draws nothing from the random generator (the files above stay byte-for-byte the same).
TODAY = dt.date(2026, 11, 22)

# Monthly reference rates, written as units of the foreign currency per EUR the way the ECB quotes
# them, then inverted into "1 unit = x EUR". 2023-05 … 2026-11 covers every cost month and every
# contract start; the rate valid on a date is the newest valid_from on or before it.
EUR_USD = [1.0867, 1.0840, 1.1058, 1.0909, 1.0684, 1.0563, 1.0808, 1.0903,          # 2023-05 … 2023-12
           1.0905, 1.0795, 1.0872, 1.0728, 1.0812, 1.0759, 1.0844, 1.1012, 1.1106, 1.0904, 1.0630, 1.0479,
           1.0354, 1.0413, 1.0807, 1.1214, 1.1278, 1.1516, 1.1677, 1.1649, 1.1732, 1.1634, 1.1560, 1.1690,
           1.1745, 1.1810, 1.1702, 1.1655, 1.1580, 1.1498, 1.1563, 1.1627, 1.1688, 1.1621, 1.1574]
EUR_GBP = [0.8700, 0.8585, 0.8595, 0.8583, 0.8623, 0.8680, 0.8693, 0.8616,
           0.8596, 0.8552, 0.8561, 0.8565, 0.8536, 0.8463, 0.8447, 0.8550, 0.8398, 0.8349, 0.8312, 0.8273,
           0.8388, 0.8300, 0.8362, 0.8566, 0.8430, 0.8491, 0.8652, 0.8648, 0.8680, 0.8722, 0.8770, 0.8745,
           0.8712, 0.8690, 0.8655, 0.8631, 0.8668, 0.8702, 0.8684, 0.8659, 0.8713, 0.8740, 0.8726]
FX_FIRST_MONTH = "2023-05"
FX_MONTHS = [ym_add(FX_FIRST_MONTH, i) for i in range(len(EUR_USD))]
assert len(EUR_USD) == len(EUR_GBP) and FX_MONTHS[-1] == ym_add(LAST_DATA_MONTH, 1)
FX_QUOTES = {"USD": EUR_USD, "GBP": EUR_GBP}
FX_SOURCE = "ECB reference rate (demo)"
fx_rows = []
FX = {}  # (currency, YYYY-MM) -> rate into EUR, as written
for cur, quotes in FX_QUOTES.items():
    for ym, quote in zip(FX_MONTHS, quotes):
        rate = f"{1 / quote:.6f}"
        FX[(cur, ym)] = float(rate)
        fx_rows.append([cur, "EUR", f"{ym}-01", rate, FX_SOURCE])

used = {r[4] for r in cost_rows} | {c[11] for c in contracts}
assert used - {"EUR"} == set(FX_QUOTES), used
needed = set(MONTHS) | {c[5][:7] for c in contracts if c[5]}
assert min(needed) >= FX_FIRST_MONTH, min(needed)


def to_eur(amount: float, cur: str, ym: str) -> float:
    if cur == "EUR":
        return amount
    valid = max(m for m in FX_MONTHS if m <= ym)
    return amount * FX[(cur, valid)]


# 7) one-off implementation costs, attributed to an initiative (not to a system, so a view by
# system or by initiative counts each line once). Billed in EUR by the party that did the work.
cost_rows = [r + ["", ""] for r in cost_rows]
COST_HEADER = COST_HEADER + ["initiative_code", "category"]
ONE_OFFS = [
    ("2025-06", "DeepL", 40000.00, "Operations", "INI-007",
     "DeepL Enterprise services – custom glossaries and customs-form integration at go-live (fixed fee)"),
    ("2025-07", "UiPath", 64000.00, "Finance", "INI-010",
     "UiPath Professional Services – Autopilot invoice exception agent implementation (fixed fee)"),
    ("2025-09", "GitHub", 15000.00, "Engineering", "INI-003",
     "GitHub Expert Services – Copilot enablement workshops and policy setup (fixed fee)"),
    ("2025-10", "Zendesk", 30000.00, "Customer Service", "INI-004",
     "Zendesk professional services – triage intent retraining and new queues after the re-organisation"),
    ("2025-11", "Databricks", 48000.00, "Operations", "INI-016",
     "Databricks Professional Services – forecasting pipeline migration to Mosaic AI (fixed fee)"),
    ("2025-11", "Glean", 45000.00, "IT", "INI-014",
     "Glean onboarding – connectors for SharePoint, Confluence, Zendesk and Salesforce; permissions audit"),
    ("2026-01", "SoftwareOne", 95000.00, "IT", "INI-001",
     "Microsoft 365 Copilot adoption programme – champions network, training and usage dashboards (fixed fee)"),
    ("2026-01", "Zendesk", 38000.00, "Customer Service", "INI-005",
     "Zendesk professional services – Polish and Dutch launch of the shipment status bot"),
    ("2026-04", "ServiceNow", 60000.00, "IT", "INI-026",
     "ServiceNow Expert Services – Now Assist and Virtual Agent implementation (fixed fee)"),
    ("2026-05", "Cognigy", 28000.00, "Customer Service", "INI-006",
     "Cognigy professional services – voice flows and telephony integration for the DE line"),
    ("2026-06", "Microsoft", 35000.00, "Sales", "INI-009",
     "Microsoft Industry Solutions – Quote & Tender Assistant build sprint (rate-card retrieval, tender parsing)"),
]
INI = {i["code"]: i for i in INITIATIVES}
for ym, vendor, amount, dept, ini_code, desc in ONE_OFFS:
    assert vendor in VENDOR_NAMES and ym in MONTHS and ini_code in INI, (vendor, ym, ini_code)
    assert INI[ini_code]["dept"] == dept, (ini_code, dept)
    cost_rows.append([ym, vendor, "", money(amount), "EUR", "billed", dept, desc, ini_code, "one_off"])
cost_rows.sort(key=lambda r: (r[0], r[1], r[2], r[6], r[8]))
keys = [(r[0], r[1], r[2], r[6], r[8]) for r in cost_rows]
assert len(keys) == len(set(keys)), "month, vendor, system, department and initiative identify a cost line"


def monthly_cost_eur(codes: list[str], months: list[str]) -> float:
    """Average monthly spend in EUR on these systems over these months (one-offs excluded)."""
    total = sum(to_eur(float(r[3]), r[4], r[0]) for r in cost_rows if r[0] in months and r[2] in codes)
    return total / len(months)


def one_off_eur(ini_code: str) -> float:
    return sum(float(r[3]) for r in cost_rows if r[8] == ini_code)


# ---------------------------------------------------------------- value models
# Monthly benefit in EUR of one method = the product of its factors, where a "%" factor counts
# as value/100 and a "minutes" factor as value/60 (hours). Factor tuples:
# (name, unit, low, likely, high, confidence, note).
VALUE_HEADER = ["initiative_code", "method", "name", "unit", "low", "likely", "high", "confidence", "note",
                "position"]


def last_active_users(codes: list[str]) -> int:
    return sum(int(r[3]) for r in adoption_rows
               if r[0] == LAST_DATA_MONTH and r[1] in codes and r[2] == "active_users")


def last_requests(code: str) -> int:
    return sum(int(r[3]) for r in adoption_rows if r[0] == LAST_DATA_MONTH and r[1] == code and r[2] == "requests")


def users(codes: list[str], low_share: float, high_share: float, note: str):
    """An 'Active users' factor read from adoption.csv (the newest month), so it is observed."""
    n = last_active_users(codes)
    assert n > 0, codes
    return ("Active users", "users", round(n * low_share), n, round(n * high_share), "observed", note)


RATE_OFFICE = ("Loaded hourly rate", "EUR/h", 44, 47, 50, "inferred", "Finance's loaded rate for office staff")
RATE_DEV = ("Loaded hourly rate", "EUR/h", 64, 68, 72, "inferred", "Finance's loaded rate for engineers")
RATE_AGENT = ("Loaded hourly rate", "EUR/h", 32, 34, 36, "inferred", "Loaded rate for customer-service agents")

VALUE_MODELS = {
    # ---- scaled
    "INI-001": {"time_saved": [
        users(["AIS-002"], 0.92, 1.07, "Monthly active Copilot users, newest month of adoption data"),
        ("Tasks per user per month", "tasks/user/month", 20, 25, 45, "modelled",
         "Drafts, meeting recaps and email summaries; Copilot dashboard sample"),
        ("Minutes saved per task", "minutes", 4, 6, 8, "modelled", "Self-reported in the pilot survey"),
        ("Acceptance rate", "%", 50, 60, 70, "inferred", "Share of drafts kept with light edits"),
        ("Loaded hourly rate", "EUR/h", 42, 45, 48, "inferred", "Finance's loaded rate, all licensed staff"),
    ]},
    "INI-002": {"time_saved": [
        users(["AIS-001"], 0.92, 1.05, "Monthly active ChatGPT Enterprise users, newest month"),
        ("Tasks per user per month", "tasks/user/month", 20, 30, 45, "modelled", "Conversations that replace a task"),
        ("Minutes saved per task", "minutes", 4, 6, 9, "modelled", "Time study in the 300-seat wave"),
        ("Acceptance rate", "%", 55, 65, 75, "inferred", "Outputs used without rework"),
        RATE_OFFICE,
    ], "cost_avoided": [
        ("Personal AI subscriptions reimbursed per month", "EUR/month", 900, 1100, 1300, "observed",
         "ChatGPT Plus expense claims before the rollout"),
        ("Share avoided", "%", 60, 75, 85, "inferred", "Claims fell as Enterprise seats were assigned"),
    ]},
    "INI-003": {"time_saved": [
        users(["AIS-003", "AIS-004"], 0.95, 1.03, "Monthly active Copilot and Claude Team developers"),
        ("Tasks per user per month", "tasks/user/month", 30, 40, 60, "modelled", "Accepted completions and chats"),
        ("Minutes saved per task", "minutes", 3, 5, 8, "modelled", "From the PR cycle-time comparison"),
        ("Acceptance rate", "%", 20, 25, 30, "observed", "Suggestion acceptance in the Copilot metrics API"),
        RATE_DEV,
    ]},
    "INI-005": {"time_saved": [
        ("Bot conversations per month", "conversations/month", round(last_requests("AIS-018") * 0.95),
         last_requests("AIS-018"), round(last_requests("AIS-018") * 1.05), "observed",
         "Conversations handled by the bot, newest month"),
        ("Containment rate", "%", 35, 41, 50, "observed", "Conversations closed without an agent"),
        ("Agent minutes per contained conversation", "minutes", 2.5, 3, 4, "modelled",
         "Average handling time of a WISMO contact"),
        RATE_AGENT,
    ]},
    "INI-010": {"cost_avoided": [
        ("AP data-entry and exception-handling cost per month", "EUR/month", 30000, 33000, 36000, "inferred",
         "9 FTE at Finance's loaded cost before automation"),
        ("Share avoided", "%", 70, 80, 90, "observed", "Touchless rate in the AP dashboard"),
    ], "revenue_uplift": [
        ("Supplier invoices paid within discount terms per month", "EUR/month", 1200000, 1500000, 1800000,
         "inferred", "Value of invoices with a 2% early-payment discount"),
        ("Additional share paid early", "%", 5, 8, 12, "modelled", "Faster approval lets us meet the terms"),
        ("Discount captured", "%", 2, 2, 2, "observed", "Standard 2/10 net 30 terms"),
    ]},
    "INI-015": {"cost_avoided": [
        ("WISMO contacts cost per month", "EUR/month", 150000, 160000, 170000, "inferred",
         "41% of contacts × handling cost, before ETA v3"),
        ("Share avoided through better ETAs", "%", 5, 8, 10, "modelled", "A/B test: WISMO -10% in v3 regions"),
    ], "revenue_uplift": [
        ("Revenue of late-delivery-sensitive customers per month", "EUR/month", 3000000, 3200000, 3400000,
         "inferred", "Contract logistics customers with ETA SLAs"),
        ("Retention uplift", "%", 0.2, 0.4, 0.6, "modelled", "Fewer SLA penalties and churn"),
        ("Contribution margin", "%", 9, 10, 11, "inferred", "Finance's average contribution margin"),
    ]},
    # ---- production
    "INI-004": {"cost_avoided": [
        ("Manual ticket routing cost per month", "EUR/month", 20000, 25000, 28000, "inferred",
         "6 FTE of routing at loaded agent cost"),
        ("Share avoided", "%", 55, 75, 90, "observed", "Routing accuracy 91% after tuning"),
    ]},
    "INI-007": {"cost_avoided": [
        ("Translation and re-keying effort per month", "EUR/month", 14000, 16000, 18000, "inferred",
         "4 FTE of customs translation at loaded cost"),
        ("Share avoided", "%", 50, 65, 85, "observed", "Share of documents pre-filled and signed off unchanged"),
    ]},
    "INI-012": {"cost_avoided": [
        ("Bad-debt write-offs per month", "EUR/month", 200000, 233000, 250000, "observed",
         "EUR 2.8m in 2023, the baseline year"),
        ("Share avoided", "%", 8, 14, 20, "modelled", "Backtest of scorecard v2.3 against 2023 defaults"),
    ]},
    "INI-014": {"time_saved": [
        users(["AIS-005"], 0.9, 1.05, "Monthly active Glean users, newest month"),
        ("Searches replaced per user per month", "tasks/user/month", 15, 25, 30, "modelled",
         "Glean query logs, searches with a click-through"),
        ("Minutes saved per search", "minutes", 2, 3, 3.5, "modelled", "Versus searching six tools by hand"),
        ("Acceptance rate", "%", 50, 60, 70, "inferred", "Answers that needed no second search"),
        RATE_OFFICE,
    ], "cost_avoided": [
        ("Retired intranet search and HR bot licences per month", "EUR/month", 2600, 2900, 3200, "observed",
         "Two intranet search tools and the Copilot Studio HR bot"),
        ("Share avoided", "%", 100, 100, 100, "observed", "All three were switched off"),
    ]},
    "INI-016": {"cost_avoided": [
        ("Agency staff cost per month", "EUR/month", 160000, 180000, 200000, "observed",
         "Depot agency invoices, 12-month average"),
        ("Share avoided", "%", 5, 8, 12, "modelled", "Overtime and agency hours saved by better rosters"),
    ]},
    "INI-027": {"cost_avoided": [
        ("Routine external counsel spend per month", "EUR/month", 40000, 45000, 50000, "observed",
         "NDAs and carrier contracts sent to outside counsel"),
        ("Share avoided", "%", 20, 30, 40, "observed", "Matters now reviewed in-house with Luminance"),
    ], "time_saved": [
        users(["AIS-010"], 0.9, 1.1, "Monthly active Luminance users, newest month"),
        ("Contracts reviewed per user per month", "tasks/user/month", 6, 8, 12, "observed", "Luminance usage report"),
        ("Minutes saved per contract", "minutes", 30, 45, 60, "modelled", "First-pass review time before and after"),
        ("Acceptance rate", "%", 70, 80, 90, "inferred", "Redlines accepted by the reviewing lawyer"),
        ("Loaded hourly rate", "EUR/h", 85, 95, 105, "inferred", "In-house counsel loaded rate"),
    ]},
    # ---- pilots
    "INI-006": {"time_saved": [
        ("Rescheduling calls per month", "calls/month", 9000, 10000, 11000, "observed", "DE line call statistics"),
        ("Automated end to end", "%", 20, 30, 40, "observed", "Pilot dashboard, calls without hand-off"),
        ("Agent minutes per call", "minutes", 5, 6, 7, "inferred", "Average handling time on the DE line"),
        RATE_AGENT,
    ]},
    "INI-008": {"time_saved": [
        ("Exception events per month", "events/month", 5600, 6000, 6400, "observed", "Carrier exception feed"),
        ("Proposals accepted unchanged", "%", 40, 55, 70, "observed", "Planner approvals in the pilot"),
        ("Planner minutes saved per event", "minutes", 6, 8, 10, "modelled", "Triage and drafting the notice"),
        ("Loaded hourly rate", "EUR/h", 40, 42, 44, "inferred", "Planner loaded rate"),
    ]},
    "INI-009": {"time_saved": [
        ("Tenders drafted per month", "tenders/month", 30, 40, 50, "observed", "RFQs answered in the pilot team"),
        ("Minutes saved per tender", "minutes", 480, 720, 1200, "modelled", "8–20 hours of lane-by-lane drafting"),
        ("Drafts used", "%", 50, 60, 70, "observed", "Drafts accepted with at most 20% edits"),
        ("Loaded hourly rate", "EUR/h", 55, 60, 65, "inferred", "Sales manager loaded rate"),
    ], "revenue_uplift": [
        ("Tender revenue decided per month", "EUR/month", 2200000, 2400000, 2600000, "inferred",
         "Annualised value of RFQs received"),
        ("Uplift from answering more tenders", "%", 0.5, 1.5, 3, "modelled", "25% more responses at the usual win rate"),
        ("Contribution margin", "%", 8, 9, 11, "inferred", "Freight margin on tendered lanes"),
    ]},
    "INI-026": {"time_saved": [
        ("Service desk tickets per month", "tickets/month", 6200, 6500, 6800, "observed", "ServiceNow ticket volume"),
        ("Deflected or shortened", "%", 15, 25, 35, "observed", "Pilot: deflection plus agent-assist share"),
        ("Minutes saved per ticket", "minutes", 10, 12, 15, "modelled", "Handling time of password and access tickets"),
        ("Loaded hourly rate", "EUR/h", 40, 42, 44, "inferred", "Service desk loaded rate"),
    ]},
    "INI-028": {"cost_avoided": [
        ("Carrier invoice fraud and duplicate payments per month", "EUR/month", 15000, 26000, 40000, "inferred",
         "Two 2025 cases (EUR 310k) plus duplicates found in the backtest"),
        ("Share caught before payment", "%", 40, 60, 80, "modelled", "Backtest recall at a 2% alert rate"),
    ]},
    "INI-029": {"cost_avoided": [
        ("Bulk summarisation spend on US-hosted APIs per month", "EUR/month", 6000, 8000, 10000, "observed",
         "OpenAI and Anthropic batch jobs that can move"),
        ("Share avoided", "%", 20, 30, 40, "modelled", "40% cheaper per document, not all jobs move"),
    ]},
    # ---- assessment (business cases)
    "INI-011": {"cost_avoided": [
        ("Carrier overbilling per month", "EUR/month", 25000, 33000, 40000, "inferred",
         "Extrapolated from the 5% manual audit sample"),
        ("Share recovered", "%", 50, 70, 85, "modelled", "Recovery rate of disputed overbilling"),
    ]},
    "INI-025": {"revenue_uplift": [
        ("Revenue at risk per month", "EUR/month", 200000, 250000, 300000, "inferred",
         "Accounts that reduced volume last year"),
        ("Share retained", "%", 10, 20, 30, "modelled", "Accounts saved after an early intervention"),
        ("Contribution margin", "%", 9, 10, 11, "inferred", "Finance's average contribution margin"),
    ]},
    "INI-034": {"cost_avoided": [
        ("Disputed damage claims per month", "EUR/month", 18000, 21000, 24000, "observed", "Claims ledger 2025"),
        ("Share avoided", "%", 30, 45, 60, "modelled", "Faster evidence review settles claims before dispute"),
    ]},
}

ADOPTION_USER_SYSTEMS = {r[1] for r in adoption_rows if r[2] == "active_users"}
value_rows = []
benefit = {}  # initiative -> (low, likely, high) monthly EUR over all methods


def factor_value(unit: str, x: float) -> float:
    return x / 100 if unit == "%" else x / 60 if unit == "minutes" else x


def decimal_text(x: float) -> str:
    return f"{x:.2f}".rstrip("0").rstrip(".") if isinstance(x, float) else str(x)


for code, methods in VALUE_MODELS.items():
    ini = INI[code]
    assert ini["path"][-1][0] in {"assessment", "pilot", "production", "scaled"}, code
    has_users = bool(set(ini["systems"]) & ADOPTION_USER_SYSTEMS)
    totals = [0.0, 0.0, 0.0]
    for method, factors in methods.items():
        assert method in {"time_saved", "revenue_uplift", "cost_avoided"}, method
        product = [1.0, 1.0, 1.0]
        for position, (name, unit, low, likely, high, confidence, note) in enumerate(factors, start=1):
            assert low <= likely <= high, (code, name)
            assert confidence in {"observed", "inferred", "modelled"}, confidence
            if unit == "users" and has_users:
                assert confidence == "observed", (code, name)
            for i, x in enumerate((low, likely, high)):
                product[i] *= factor_value(unit, x)
            value_rows.append([code, method, name, unit, decimal_text(low), decimal_text(likely),
                               decimal_text(high), confidence, note, position])
        totals = [t + p for t, p in zip(totals, product)]
    benefit[code] = tuple(totals)

# Every live initiative has a value model; the story the dashboard tells is checked here.
for ini in INITIATIVES:
    if ini["path"][-1][0] in {"pilot", "production", "scaled"}:
        assert ini["code"] in VALUE_MODELS, ini["code"]
RECENT = MONTHS[-3:]


def payback_months(code: str, which: int) -> float | None:
    run = monthly_cost_eur(INI[code]["systems"], RECENT)
    net = benefit[code][which] - run
    if net <= 0:
        return None
    return one_off_eur(code) / net


value_story = {}
for code in VALUE_MODELS:
    likely, high = payback_months(code, 1), payback_months(code, 2)
    value_story[code] = ("within 18 months" if likely is not None and likely <= 18
                         else "only at high" if high is not None and high <= 18 else "never")
live = [i["code"] for i in INITIATIVES if i["path"][-1][0] in {"production", "scaled"}]
assert sum(value_story[c] == "within 18 months" for c in live) >= len(live) // 2, value_story
assert sum(value_story[c] == "only at high" for c in live) >= 2, value_story
assert any(value_story[c] == "never" for c in live), value_story


# ---------------------------------------------------------------- risks
RISK_HEADER = ["title", "description", "category", "system_code", "initiative_code", "vendor", "likelihood",
               "severity", "residual_likelihood", "residual_severity", "owner", "mitigation_plan", "status",
               "deadline", "accepted_by", "accepted_on"]
# title, description, category, system, initiative, vendor, L, S, residual L, residual S, owner, mitigation,
# status, deadline, accepted by, accepted on
RISKS = [
    ("CV grades disadvantage protected groups",
     "HiredScore grades showed a lower pass rate for applicants over 50 and for non-EU nationals in one depot.",
     "bias_fairness", "AIS-014", "INI-013", "", 4, 5, 3, 4, "Emma Lindqvist",
     "Grading switched off; independent adverse-impact analysis per depot and group; FRIA completed and "
     "agreed with the works council before any reactivation.", "mitigating", "2027-01-31", "", ""),
    ("Payment-risk scorer treats sole traders unfairly",
     "Decline rate for sole traders is 2.3× that of companies with similar payment history.",
     "bias_fairness", "AIS-040", "INI-012", "", 4, 5, 2, 4, "Lars Johansson",
     "Faculty revalidation and bias testing (SoW 2); every decline reviewed by a credit analyst meanwhile.",
     "mitigating", "2026-12-18", "", ""),
    ("High-risk obligations for the credit scorer not met in time",
     "Annex III 5(b) obligations (risk management, logging, human oversight, conformity) apply from "
     "2 Aug 2027; technical documentation is incomplete.",
     "compliance", "AIS-040", "", "", 3, 5, 2, 4, "Jean-Luc Moreau",
     "Gap assessment against Articles 9–15; documentation sprint with Data & Analytics; conformity plan to "
     "the AI Steering Committee.", "open", "2027-06-30", "", ""),
    ("Restricted data sent to the US-hosted Anthropic API",
     "Teams can call the Anthropic API with customer and HR data although the vendor condition forbids "
     "restricted data until EU processing is available.",
     "privacy", "AIS-025", "", "Anthropic", 3, 5, 2, 4, "Niamh O'Connor",
     "DLP rule on the API gateway; data-classification check in the workspace onboarding; move restricted "
     "workloads to Bedrock (EU).", "open", "2027-01-31", "", ""),
    ("Copilot surfaces files with broken SharePoint permissions",
     "Microsoft 365 Copilot answers from every file a user can open; 40 sites have 'Everyone' access.",
     "privacy", "AIS-002", "INI-001", "", 4, 4, 2, 3, "Felix Braun",
     "SharePoint permission clean-up, sensitivity labels and restricted SharePoint search for the 40 sites.",
     "open", "2027-02-28", "", ""),
    ("Agent retry loop runs up API spend",
     "An agent without a retry limit called the Anthropic API for three days in July (≈ USD 9.2k).",
     "financial", "AIS-047", "INI-008", "", 4, 3, 2, 2, "Jakub Svoboda",
     "Workspace spend cap and daily anomaly alert; retry limits in the agent framework.",
     "mitigating", "2026-12-20", "", ""),
    ("Exception agent sends a wrong customer notification",
     "A notice with a wrong delivery date or customs status could trigger claims from key accounts.",
     "reputational", "AIS-047", "INI-008", "", 3, 4, 2, 3, "Katharina Vogel",
     "Planner approves every customer message during the pilot; sampling of approved messages weekly.",
     "mitigating", "2027-02-01", "", ""),
    ("Prompt injection through inbound carrier emails",
     "The exception agent reads untrusted emails; an instruction hidden in an email could change its proposal.",
     "cybersecurity", "AIS-047", "", "", 3, 4, 2, 3, "Felix Braun",
     "Tool allow-list, no outbound actions without approval, red-team test before production.",
     "open", "2027-01-15", "", ""),
    ("Zendesk trains on our service data",
     "Vendor terms allow model improvement from aggregated service data; the 2024 opt-out is unconfirmed.",
     "third_party", "", "", "Zendesk", 4, 3, 2, 2, "Chloé Dubois",
     "Written opt-out confirmation as a condition of the renewal.", "open", "2026-10-31", "", ""),
    ("Voice agent does not disclose that it is an AI",
     "Art. 50 requires callers to be told they speak to an AI; a flow change skipped the disclosure.",
     "compliance", "AIS-023", "INI-006", "", 3, 4, 1, 4, "Sofia Marchetti",
     "Disclosure as a locked first step in every flow; release checklist; weekly call sampling.",
     "open", "2026-12-05", "", ""),
    ("Customs penalty from a wrong AI pre-fill",
     "A wrong HS code or value on a declaration can lead to penalties and held shipments.",
     "compliance", "AIS-046", "INI-007", "", 2, 5, 1, 5, "Rafael Gómez",
     "Broker signs off every declaration; HS-code mismatches flagged; monthly accuracy audit.",
     "mitigating", "2027-03-31", "", ""),
    ("Shipment status bot gives wrong delivery information",
     "During carrier outages the bot answers from stale tracking data.",
     "performance", "AIS-018", "INI-005", "", 3, 3, 2, 2, "Chloé Dubois",
     "Stale-data guard hands off to an agent when tracking is older than 4 hours.",
     "mitigating", "2026-12-31", "", ""),
    ("Glean shows documents beyond need-to-know",
     "Permission-aware search is only as good as the source permissions; an HR file reached the wrong group.",
     "privacy", "AIS-005", "INI-014", "", 3, 4, 2, 3, "Daniel Okafor",
     "Connector scopes reduced; HR and Finance spaces excluded until their permissions are reviewed.",
     "mitigating", "2027-01-31", "", ""),
    ("Otter.ai records external participants without consent",
     "OtterPilot joined customer calls automatically in February and March.",
     "privacy", "AIS-008", "INI-021", "", 3, 4, 1, 4, "Niamh O'Connor",
     "Auto-join disabled; restricted to internal meetings with recorded consent.",
     "mitigating", "2027-03-31", "", ""),
    ("Licence waste on low-utilisation AI add-ons",
     "Einstein (19%), Grammarly (21%), Otter.ai (26%) and Notion AI are paid for far more seats than are used.",
     "financial", "AIS-015", "", "", 5, 2, 3, 2, "Marco de Vries",
     "Reclaim seats inactive for 60 days; right-size at each renewal notice date.", "open", "2026-12-14", "", ""),
    ("ChatGPT Enterprise renewal price uplift",
     "The renewal quote includes a 12% price increase; the notice deadline is in early December.",
     "financial", "", "", "OpenAI", 4, 3, 3, 2, "Marco de Vries",
     "Benchmark against Microsoft 365 Copilot and Claude Team; negotiate a multi-year cap.",
     "mitigating", "2026-12-02", "", ""),
    ("Dependence on OpenAI for the core assistants",
     "Most assistants and the API platform depend on one provider.",
     "third_party", "", "", "OpenAI", 3, 3, 2, 3, "Daniel Okafor",
     "Mistral and Bedrock as tested fallbacks (INI-029); model choice behind an internal gateway.",
     "accepted", "2027-03-31", "Katharina Vogel", "2026-03-16"),
    ("Shadow AI: company data in personal AI accounts",
     "Expense claims show staff still pay for personal ChatGPT Plus and Claude Pro accounts.",
     "privacy", "", "INI-002", "", 4, 4, 3, 3, "Felix Braun",
     "Enterprise seats for every requester; proxy warnings; quarterly expense review.",
     "mitigating", "2027-01-31", "", ""),
    ("Emotion recognition prototype in the warehouse",
     "A camera vendor's prototype inferred worker mood from CCTV, a prohibited practice (Art. 5(1)(f)).",
     "compliance", "AIS-043", "INI-018", "", 5, 5, 1, 5, "Jean-Luc Moreau",
     "Prototype stopped and footage deleted; intake form screens for biometric and emotion inference.",
     "closed", "2025-07-31", "", ""),
    ("Company data sent to DeepSeek servers in China",
     "47 staff used the DeepSeek consumer app before it was blocked.",
     "privacy", "AIS-013", "", "DeepSeek", 4, 5, 1, 5, "Felix Braun",
     "Blocked at the web proxy; users informed; shadow-AI discovery in the proxy logs monthly.",
     "closed", "2025-03-31", "", ""),
    ("ETA model drifts after network changes",
     "Hub and route changes shift travel-time patterns; the slotting optimiser failed this way.",
     "performance", "AIS-038", "INI-015", "", 3, 3, 2, 2, "Mehmet Yilmaz",
     "Monthly drift report and a retraining budget owned by Data & Analytics.", "mitigating", "2027-01-31", "", ""),
    ("One ML engineer maintains every internal model",
     "The ETA, forecasting and credit models depend on the ML Engineering Lead's knowledge.",
     "operational", "AIS-039", "", "", 3, 4, 3, 4, "Aisha Bello",
     "Second ML engineer hired in Q1; runbooks for each model.", "open", "2027-03-31", "", ""),
    ("Demand forecast misses the peak-season ramp",
     "Forecast error doubles in the first two weeks of November.",
     "performance", "AIS-039", "INI-016", "", 2, 3, 2, 2, "Ingrid Halvorsen",
     "Planners override the forecast during peak ramp; accepted as known limitation.",
     "accepted", "2027-06-30", "Ingrid Halvorsen", "2026-02-09"),
    ("Invented clauses in AI contract review",
     "A generated redline could cite a clause that is not in the contract.",
     "legal", "AIS-010", "INI-027", "", 2, 4, 1, 3, "Jean-Luc Moreau",
     "Lawyer reviews every redline; Luminance shows the source passage for each suggestion.",
     "accepted", "2027-01-31", "Jean-Luc Moreau", "2025-06-02"),
    ("Mispriced lanes in a submitted tender",
     "An assistant draft taken over unchecked could commit us to loss-making rates for a year.",
     "financial", "AIS-048", "INI-009", "", 3, 4, 2, 3, "Hannah Schreiber",
     "Sales manager approves every lane; drafts flag rates outside the rate-card band.", "open", "2027-01-31",
     "", ""),
    ("Autonomous SDR emails breach e-privacy rules",
     "Agentforce would email leads without a human; consent rules differ between DE, NL, PL and the UK.",
     "legal", "AIS-050", "INI-023", "", 3, 4, 2, 3, "Niamh O'Connor",
     "Pre-deployment review with Legal; consent check before any send; start with drafts only.",
     "open", "2026-12-17", "", ""),
    ("Untagged Bedrock sandbox hides AI spend",
     "Sandbox usage has no cost-allocation tags, so it cannot be charged to a system or department.",
     "data_quality", "", "", "AWS", 4, 2, 2, 1, "Tomasz Nowak",
     "Tag policy enforced by a service control policy; monthly untagged-spend report.", "open", "2026-11-30",
     "", ""),
    ("Grammarly duplicates Copilot writing features",
     "Two tools are paid for the same job; most writers now use Copilot.",
     "strategic", "AIS-006", "", "", 4, 1, 4, 1, "Oliver Bennett",
     "Decide at the 2027 renewal.", "accepted", "2027-01-19", "Oliver Bennett", "2026-06-30"),
]
risk_rows = []
for (title, desc, cat, system, ini, vendor, lik, sev, rlik, rsev, owner, plan, status, deadline, acc_by,
     acc_on) in RISKS:
    assert system == "" or system in SYS, system
    assert ini == "" or ini in INI, ini
    assert vendor == "" or vendor in VENDOR_NAMES, vendor
    assert system or ini or vendor, title
    assert 1 <= rlik <= lik <= 5 and 1 <= rsev <= sev <= 5, title
    assert owner in PEOPLE, owner
    assert status in {"open", "mitigating", "accepted", "closed"}, status
    assert (status == "accepted") == bool(acc_by and acc_on), title
    risk_rows.append([title, desc, cat, system, ini, vendor, lik, sev, rlik, rsev, owner, plan, status,
                      deadline, acc_by, acc_on])
assert len({(r[6], r[7]) for r in risk_rows}) >= 12, "the risks spread over the 5×5 grid"
high_open = [r for r in risk_rows if r[6] * r[7] >= 15 and r[12] == "open" and r[3]
             and monthly_cost_eur([r[3]], RECENT) > 5000]
assert len(high_open) >= 3, high_open

# ---------------------------------------------------------------- reviews
REVIEW_HEADER = ["review_type", "system_code", "initiative_code", "vendor", "due_date", "completed_on",
                 "decision", "reviewer", "conditions", "rationale"]


def next_review(code: str) -> str:
    return SYS[code][18]


# type, system, initiative, vendor, due, completed, decision, reviewer, conditions, rationale
REVIEWS = [
    # completed
    ("eu_ai_act_classification", "AIS-040", "INI-012", "", "2024-06-14", "2024-06-10", "approved_with_conditions",
     "Jean-Luc Moreau", "Human review of every decline; revalidation within 18 months.",
     "High-risk (Annex III 5(b)) where the customer is a natural person."),
    ("dpia", "", "INI-001", "", "2024-10-31", "2024-10-28", "approved_with_conditions", "Niamh O'Connor",
     "Works-council agreement: no performance monitoring from Copilot data.",
     "Residual risk acceptable with the agreement and EU Data Boundary."),
    ("vendor_due_diligence", "", "", "Zendesk", "2024-09-30", "2024-09-23", "approved_with_conditions",
     "Felix Braun", "Opt out of model improvement from our data.", "Security controls adequate; data-use terms not."),
    ("vendor_due_diligence", "", "", "Workday", "2025-05-30", "2025-05-26", "approved_with_conditions",
     "Felix Braun", "Written confirmation on data use; provider documentation for high-risk AI.",
     "Security adequate; AI-specific documentation outstanding."),
    ("pre_deployment", "AIS-018", "INI-005", "", "2025-05-30", "2025-05-26", "approved_with_conditions",
     "Daniel Okafor", "AI disclosure banner and a human hand-off button.", "Art. 50 transparency obligations met."),
    ("eu_ai_act_classification", "AIS-043", "INI-018", "", "2025-07-11", "2025-07-10", "rejected",
     "Jean-Luc Moreau", "", "Emotion recognition in the workplace is prohibited (Art. 5(1)(f))."),
    ("dpia", "AIS-005", "INI-014", "", "2025-08-15", "2025-08-11", "approved_with_conditions", "Niamh O'Connor",
     "Exclude HR and Finance spaces until their permissions are reviewed.", "Permission-aware by design."),
    ("vendor_due_diligence", "", "", "Anthropic", "2025-08-29", "2025-08-28", "approved_with_conditions",
     "Felix Braun", "No restricted data via the API until EU processing is available.",
     "Commercial terms exclude training; US processing only."),
    ("vendor_due_diligence", "", "", "Mistral AI", "2025-10-10", "2025-10-06", "approved_with_conditions",
     "Felix Braun", "Paid tier only (training opt-out).", "EU-hosted fallback provider."),
    ("periodic", "AIS-001", "INI-002", "", "2026-01-15", "2026-01-20", "approved", "Daniel Okafor", "",
     "Adoption and incident record good; next review in a year."),
    ("vendor_due_diligence", "", "", "OpenAI", "2026-01-31", "2026-01-20", "approved", "Felix Braun", "",
     "Europe data residency and zero retention for the customs API project confirmed."),
    ("periodic", "AIS-038", "INI-015", "", "2026-01-31", "2026-01-28", "approved", "Aisha Bello", "",
     "Accuracy stable after the v3 rollout."),
    ("periodic", "AIS-017", "INI-004", "", "2026-01-31", "2026-01-29", "approved", "Sofia Marchetti", "",
     "Routing accuracy 91%."),
    ("periodic", "AIS-010", "INI-027", "", "2026-01-31", "2026-01-26", "approved", "Jean-Luc Moreau", "",
     "In-house NDA review within 24 h for 64% of NDAs."),
    ("pre_deployment", "AIS-047", "INI-008", "", "2026-02-06", "2026-02-04", "approved_with_conditions",
     "Daniel Okafor", "Human approval of every customer message; monthly spend cap.", "Pilot only."),
    ("periodic", "AIS-003", "INI-003", "", "2026-02-28", "2026-02-24", "approved", "Priya Raman", "",
     "No rise in escaped defects."),
    ("vendor_due_diligence", "", "", "ServiceNow", "2026-03-06", "2026-03-02", "approved", "Felix Braun", "",
     "Model-improvement data sharing opted out."),
    ("vendor_due_diligence", "", "", "Otter.ai", "2026-04-10", "2026-04-08", "approved_with_conditions",
     "Felix Braun", "Internal meetings with recorded consent only.", "Trains on de-identified transcripts."),
    ("vendor_due_diligence", "", "", "Cognigy", "2026-05-15", "2026-05-11", "approved_with_conditions",
     "Felix Braun", "AI disclosure at call start; human hand-off on request.", "EU-hosted."),
    ("pre_deployment", "AIS-048", "INI-009", "", "2026-05-29", "2026-05-27", "approved", "Hannah Schreiber", "",
     "Sales manager owns every submitted price."),
    ("vendor_due_diligence", "", "", "Midjourney", "2026-06-12", "2026-06-12", "rejected", "Jean-Luc Moreau", "",
     "No DPA, broad licence over prompts and outputs, no IP indemnity."),
    ("periodic", "AIS-022", "INI-010", "", "2026-07-07", "2026-07-01", "approved", "Ana Ribeiro", "",
     "Clerks approve every supplier message; exception backlog down 60%."),
    # open and overdue (periodic reviews are due on the system's next_review_date)
    ("periodic", "AIS-046", "INI-007", "", next_review("AIS-046"), "", "", "Rafael Gómez", "", ""),
    ("periodic", "AIS-006", "", "", next_review("AIS-006"), "", "", "Oliver Bennett", "", ""),
    ("fria", "AIS-014", "INI-013", "", "2026-06-30", "", "", "Niamh O'Connor", "", ""),
    ("periodic", "AIS-014", "INI-013", "", next_review("AIS-014"), "", "", "Emma Lindqvist", "", ""),
    ("periodic", "AIS-008", "INI-021", "", next_review("AIS-008"), "", "", "Hannah Schreiber", "", ""),
    ("periodic", "AIS-002", "INI-001", "", next_review("AIS-002"), "", "", "Tomasz Nowak", "", ""),
    ("periodic", "AIS-005", "INI-014", "", next_review("AIS-005"), "", "", "Daniel Okafor", "", ""),
    # open, due within 30 days
    ("periodic", "AIS-040", "INI-012", "", next_review("AIS-040"), "", "", "Lars Johansson", "", ""),
    ("pre_deployment", "AIS-023", "INI-006", "", next_review("AIS-023"), "", "", "AI Steering Committee", "", ""),
    ("periodic", "AIS-004", "INI-003", "", next_review("AIS-004"), "", "", "Priya Raman", "", ""),
    ("vendor_due_diligence", "", "", "Google Cloud", "2026-12-15", "", "", "Felix Braun", "", ""),
    ("pre_deployment", "AIS-050", "INI-023", "", next_review("AIS-050"), "", "", "Niamh O'Connor", "", ""),
    # open, later
    ("dpia", "AIS-047", "INI-008", "", "2027-01-15", "", "", "Niamh O'Connor", "", ""),
]
review_rows = []
open_review_due = {}
for rtype, system, ini, vendor, due, done, decision, reviewer, conditions, rationale in REVIEWS:
    assert rtype in {"periodic", "pre_deployment", "dpia", "fria", "eu_ai_act_classification",
                     "vendor_due_diligence"}, rtype
    assert system == "" or system in SYS, system
    assert ini == "" or ini in INI, ini
    assert vendor == "" or vendor in VENDOR_NAMES, vendor
    assert bool(done) == bool(decision), (rtype, system, vendor)
    assert reviewer in PEOPLE or reviewer == SC, reviewer
    assert not done or done <= TODAY.isoformat(), done
    if system and not done and rtype in {"periodic", "pre_deployment"}:
        assert due == next_review(system), system
        open_review_due[system] = due
    review_rows.append([rtype, system, ini, vendor, due, done, decision, reviewer, conditions, rationale])
# A system's next_review_date is when its next review is due: every system whose review date has
# passed has an open review for it (so "overdue" in the inventory and in the reviews agree).
for s in SYSTEMS:
    if s[18] and s[18] < TODAY.isoformat():
        assert open_review_due.get(s[0]) == s[18], s[0]
overdue = [r for r in review_rows if not r[5] and r[4] < TODAY.isoformat()]
due_soon = [r for r in review_rows if not r[5] and TODAY.isoformat() <= r[4] <= "2026-12-22"]
assert len(overdue) >= 5 and len(due_soon) >= 3, (len(overdue), len(due_soon))
assert sum(1 for r in review_rows if r[5]) > len(review_rows) / 2, "most reviews are completed"

# ---------------------------------------------------------------- incidents
INCIDENT_HEADER = ["title", "description", "system_code", "severity", "status", "occurred_on", "detected_on",
                   "resolved_on", "harm_categories", "affected_groups", "corrective_actions",
                   "reported_to_authority"]
INCIDENTS = [
    ("Company data pasted into DeepSeek", "Proxy logs showed 47 staff using the DeepSeek consumer app, some "
     "with customer correspondence.", "AIS-013", "high", "closed", "2025-01-20", "2025-02-03", "2025-02-10",
     "privacy;data_transfer", "Employees;Customers", "Blocked at the web proxy; users informed; monthly "
     "shadow-AI discovery.", False),
    ("Emotion-recognition prototype recorded warehouse staff", "Three weeks of CCTV footage were analysed "
     "for mood by a vendor prototype.", "AIS-043", "high", "closed", "2025-06-23", "2025-07-08", "2025-07-14",
     "fundamental_rights;privacy", "Warehouse staff (Gdańsk)", "Prototype stopped, footage deleted, DPO "
     "notified the supervisory authority as a precaution; intake form updated.", True),
    ("HR bot answered with the old travel policy", "The Copilot Studio bot quoted per-diem rates replaced "
     "two months earlier.", "AIS-052", "low", "closed", "2025-10-02", "2025-10-06", "2025-10-10",
     "misinformation", "Employees", "Content refreshed; bot retired in favour of Glean in 2026-03.", False),
    ("Shipment bot gave wrong delivery dates during a carrier outage", "Tracking data was 20 hours old; the "
     "bot answered as if it were current.", "AIS-018", "medium", "closed", "2025-12-08", "2025-12-09",
     "2025-12-12", "misinformation;customer_harm", "Customers", "Stale-data guard hands off to an agent.",
     False),
    ("Glean returned an HR salary file to the wrong group", "A mis-shared SharePoint folder made salary bands "
     "searchable for 300 staff.", "AIS-005", "high", "resolved", "2026-02-10", "2026-02-11", "2026-02-20",
     "privacy", "Employees", "Folder permissions fixed; HR and Finance spaces excluded from the index.", False),
    ("Otter.ai joined customer calls without consent", "OtterPilot auto-joined 23 external calls and shared "
     "summaries with attendees.", "AIS-008", "high", "resolved", "2026-02-24", "2026-03-30", "2026-04-13",
     "privacy", "Customers;Sales staff", "Auto-join disabled; tool restricted to internal meetings.", False),
    ("Runaway retry loop on the Anthropic API", "The exception agent retried failed calls for three days "
     "(≈ USD 9.2k).", "AIS-047", "medium", "closed", "2026-07-14", "2026-07-16", "2026-07-16", "financial", "",
     "Spend cap on the workspace, retry limits, daily anomaly alert.", False),
    ("Wrong HS code pre-filled on a customs declaration", "The assistant proposed a tariff code for a "
     "different product; the broker caught it before submission.", "AIS-046", "medium", "resolved",
     "2026-09-03", "2026-09-03", "2026-09-18", "near_miss", "Customs brokers",
     "HS-code mismatch check added; glossary updated.", False),
    ("Adverse-impact signal in CV grading", "Pass rates in one depot differ by age group beyond the "
     "four-fifths rule.", "AIS-014", "high", "investigating", "2026-05-15", "2026-06-20", "",
     "discrimination;fundamental_rights", "Applicants", "Grading switched off pending the FRIA.", False),
    ("Higher decline rate for sole traders", "Revalidation found sole traders declined 2.3× as often as "
     "companies with similar payment history.", "AIS-040", "high", "investigating", "2026-09-01", "2026-10-06",
     "", "discrimination;financial", "Customers (sole traders)", "All declines reviewed by a credit analyst.",
     False),
    ("Outdated rate card used in a tender draft", "A draft used the 2025 rate card for 12 lanes; the sales "
     "manager corrected it.", "AIS-048", "low", "open", "2026-11-05", "2026-11-06", "", "near_miss", "",
     "", False),
    ("Voice agent skipped the AI disclosure", "After a flow update on 12 November some calls started without "
     "the AI disclosure.", "AIS-023", "medium", "open", "2026-11-12", "2026-11-14", "", "transparency",
     "Consignees (callers)", "", False),
]
incident_rows = []
for (title, desc, system, sev, status, occurred, detected, resolved, harms, groups, actions,
     reported) in INCIDENTS:
    assert system in SYS, system
    assert sev in {"low", "medium", "high", "critical"} and status in {"open", "investigating", "resolved",
                                                                      "closed"}
    assert occurred <= detected <= TODAY.isoformat(), title
    assert (status in {"resolved", "closed"}) == bool(resolved), title
    assert not resolved or detected <= resolved <= TODAY.isoformat(), title
    incident_rows.append([title, desc, system, sev, status, occurred, detected, resolved, harms, groups, actions,
                          yn(reported)])
assert 3 <= sum(1 for r in incident_rows if r[4] in {"open", "investigating"}) <= 4

# ---------------------------------------------------------------- budgets
# Annual AI budget per department for the previous and the current year, sized against the spend so a
# few departments run over at the current run-rate and most stay under. Costs before 2025-05 are not
# in the demo, so 2025's spend covers eight months of its year.
BUDGET_HEADER = ["scope_type", "scope_value", "period_start", "period_end", "amount", "currency", "note"]
spend = {}  # (department, year) -> EUR
for r in cost_rows:
    key = (r[6], r[0][:4])
    spend[key] = spend.get(key, 0.0) + to_eur(float(r[3]), r[4], r[0])
oct_spend = {d: sum(to_eur(float(r[3]), r[4], r[0]) for r in cost_rows if r[6] == d and r[0] == LAST_DATA_MONTH)
             for d in DEPARTMENTS}
# Budget as a share of the year's expected spend (2025: 8 months scaled to 12; 2026: Jan–Oct plus two
# more months at October's rate). Below 1.0 = over budget.
HEADROOM = {
    "2025": {"Customer Service": 1.12, "Finance": 1.10, "Engineering": 1.15, "Operations": 1.18, "Sales": 1.10,
             "Marketing": 1.05, "HR": 1.20, "Legal": 1.08, "IT": 1.25, "Procurement": 1.30,
             "Data & Analytics": 0.94},
    "2026": {"Customer Service": 1.06, "Finance": 0.86, "Engineering": 0.91, "Operations": 1.12, "Sales": 1.09,
             "Marketing": 1.14, "HR": 1.10, "Legal": 1.05, "IT": 1.08, "Procurement": 1.20,
             "Data & Analytics": 1.18},
}
NOTES = {("Finance", "2026"): "Excludes the unplanned Faculty revalidation (SoW 2).",
         ("Engineering", "2026"): "API usage grew faster than planned; agent pilots not budgeted.",
         ("Data & Analytics", "2025"): "ETA v3 build (Faculty SoW 1) ran over."}
budget_rows = []
for year in ("2025", "2026"):
    year_total = 0
    for d in DEPARTMENTS:
        expected = (spend.get((d, year), 0.0) * 12 / 8 if year == "2025"
                    else spend.get((d, year), 0.0) + 2 * oct_spend[d])
        amount = max(5000, round(expected * HEADROOM[year][d] / 5000) * 5000)
        year_total += amount
        budget_rows.append(["department", d, f"{year}-01-01", f"{year}-12-31", money(amount), "EUR",
                            NOTES.get((d, year), "")])
    portfolio = round(year_total * 1.05 / 10000) * 10000
    budget_rows.append(["portfolio", "", f"{year}-01-01", f"{year}-12-31", money(portfolio), "EUR",
                        "All AI spend: the department budgets plus a 5% central contingency."])
over_2026 = [b[1] for b in budget_rows if b[0] == "department" and b[2].startswith("2026")
             and HEADROOM["2026"][b[1]] < 1]
assert 2 <= len(over_2026) <= 3, over_2026

# ---------------------------------------------------------------- write
vendor_rows = [[*v[:9], yn(v[9]), v[10], v[11]] for v in VENDORS]
system_rows = [[*s[:14], yn(s[14]), *s[15:]] for s in SYSTEMS]

FILES = {
    "vendors.csv": ("AI vendors, resellers and consultancies with review status and data terms.",
                    VENDOR_HEADER, vendor_rows),
    "systems.csv": ("AI inventory: every AI system, feature, model API, model and agent with owners, "
                    "lifecycle, policy and EU AI Act classification.", SYSTEM_HEADER, system_rows),
    "contracts.csv": ("Vendor contracts with term, renewal terms, value, seats and covered systems.",
                      CONTRACT_HEADER, contracts),
    "initiatives.csv": ("AI initiative pipeline (idea to scaled/killed) with benefits, criteria and lessons.",
                        INITIATIVE_HEADER, initiative_rows),
    "stage_history.csv": ("Stage-gate decisions for every initiative, oldest first.", HISTORY_HEADER,
                          history_rows),
    "costs.csv": ("Monthly AI spend 2025-05..2026-10 by vendor, system and department (billed or amortised), "
                  "plus one-off implementation costs attributed to initiatives.",
                  COST_HEADER, cost_rows),
    "adoption.csv": ("Monthly adoption metrics: seats purchased/assigned, active users, API requests.",
                     ["month", "system_code", "metric", "value"], adoption_rows),
    "value_assumptions.csv": ("Value model of each live initiative: the factors of each benefit method, "
                              "low / likely / high, and how each is known.", VALUE_HEADER, value_rows),
    "risks.csv": ("Risk register: inherent and residual likelihood × severity, owner, mitigation and status.",
                  RISK_HEADER, risk_rows),
    "reviews.csv": ("Governance reviews (periodic, pre-deployment, DPIA/FRIA, EU AI Act, vendor due "
                    "diligence): due, completed, decision.", REVIEW_HEADER, review_rows),
    "incidents.csv": ("AI incidents with severity, status, dates, harms and corrective actions.",
                      INCIDENT_HEADER, incident_rows),
    "budgets.csv": ("Annual AI budgets per department and for the whole portfolio, in EUR.", BUDGET_HEADER,
                    budget_rows),
    "fx_rates.csv": ("Monthly reference rates into EUR for every other currency in costs and contracts.",
                     ["from_currency", "to_currency", "valid_from", "rate", "source"], fx_rows),
}

for fname, (_desc, header, rows) in FILES.items():
    write_csv(fname, header, rows)

manifest = {
    "company": COMPANY,
    "reporting_currency": REPORTING_CURRENCY,
    "last_data_month": LAST_DATA_MONTH,
    "files": {fname: desc for fname, (desc, _h, _r) in FILES.items()},
}
with open(OUT / "manifest.json", "w", encoding="utf-8") as f:
    json.dump(manifest, f, ensure_ascii=False, indent=2)
    f.write("\n")

if __name__ == "__main__":
    for fname, (_d, _h, rows) in FILES.items():
        print(f"{fname:20s} {len(rows):5d} rows")
