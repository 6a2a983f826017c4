/**
 * What the example partnership has written in its registers: details for the
 * rows each register starts with (matched by the text in its first column)
 * and entries of its own. Owners and partners are the example's short names;
 * linked KPIs are its indicator IDs.
 */
import type { RegisterEntry } from "../model/types.js";

export const REGISTER_ROW_DETAILS: Record<string, Record<string, RegisterEntry>> = {
  benefits: {
    "Improved communication between staff and managers": {
      Priority: "Medium",
      Target:
        "70% of staff in the integrated teams say communication across teams is good by March 2026",
      Owner: "Community Trust",
      Status: "On track",
    },
    "Better information sharing": {
      Priority: "High",
      Target: "Shared care record in use by every partner by June 2025",
      Owner: "Northvale ICB",
      Status: "At risk",
    },
    "Easier access to services for users": {
      Priority: "High",
      Target: "80% of calls to the single point of access answered within 2 minutes",
      "Linked KPI": "I12",
      Owner: "Community Trust",
      Status: "Achieved",
    },
    "A more integrated approach to the delivery of services for users": {
      Priority: "High",
      Target: "Integrated neighbourhood teams in all four localities by March 2026",
      "Linked KPI": "I5",
      Owner: "County Council",
      Status: "On track",
    },
    "Bringing together different knowledge and skills to address complex problems": {
      Priority: "Medium",
      Target: "Monthly multi-agency review of everyone readmitted twice in 90 days",
      "Linked KPI": "I3",
      Owner: "Northvale ICB",
      Status: "On track",
    },
    "Greater efficiency or value for money in the use of resources": {
      Priority: "High",
      Target: "Reablement unit cost below £1,300 an episode",
      "Linked KPI": "I6",
      Owner: "County Council",
      Status: "On track",
    },
    "Additional capacity to plan and develop services": {
      Priority: "Low",
      Target: "Joint commissioning plan for older people agreed by every partner",
      Owner: "County Council",
      Status: "Achieved",
    },
    "Pooling expertise and resources to shape better services": {
      Priority: "Medium",
      Target: "Pooled fund spend within 2% of budget every quarter",
      "Linked KPI": "I21",
      Owner: "County Council",
      Status: "At risk",
    },
    "A more consistent approach to promoting user self-management of care": {
      Priority: "Medium",
      Target: "Falls prevention classes in every locality",
      "Linked KPI": "I20",
      Owner: "Age Well",
      Status: "On track",
    },
    "Can achieve new outcomes not achievable as individual organisations": {
      Priority: "Medium",
      Target: "85% of older people still at home 91 days after reablement",
      "Linked KPI": "I5",
      Owner: "Carers Forum",
      Status: "Not started",
    },
  },
  pitfalls: {
    "A lack of clarity about accountabilities which can result in finger pointing when things go wrong":
      { Likelihood: 3, Impact: 4, Owner: "County Council" },
    "Confused decision-making processes, including decisions about the deployment of resources": {
      Likelihood: 2,
      Impact: 4,
      Owner: "Northvale ICB",
    },
    "A reluctance to share information": { Likelihood: 4, Impact: 3, Owner: "Northvale ICB" },
    "Role or boundary conflicts": { Likelihood: 3, Impact: 3, Owner: "Community Trust" },
    "Lack of understanding of role, culture and language": {
      Likelihood: 3,
      Impact: 2,
      Mitigation:
        "Joint induction for new board members and staff, and a shared glossary of terms.",
      Owner: "Age Well",
    },
    "Getting preoccupied with process and bureaucracy and forgetting outcomes for service users": {
      Likelihood: 3,
      Impact: 3,
      Owner: "Carers Forum",
    },
    "Letting one professional approach dominate": {
      Likelihood: 2,
      Impact: 3,
      Owner: "Care Providers",
    },
  },
};

export const REGISTER_ENTRIES: Record<string, RegisterEntry[]> = {
  pitfalls: [
    {
      Risk: "Winter demand pushes discharge to assess beds over budget and the pooled fund into overspend",
      Likelihood: 4,
      Impact: 4,
      Mitigation:
        "Monthly bed-use review by the pooled fund manager; the agreement's overspend steps agreed in advance.",
      Owner: "County Council",
    },
    {
      Risk: "Care homes cannot release staff to train as trusted assessors, so care home discharges stay slow",
      Likelihood: 3,
      Impact: 3,
      Mitigation:
        "Open the ICB's trusted assessor training to care home staff; review the model at the next board.",
      Owner: "Care Providers",
    },
  ],
  bank_account: [
    {
      Date: "2024-04-18",
      Partner: "County Council",
      Entry:
        "Shared the full pooled fund budget breakdown with all partners before the first board",
      "Credit or debit": "Credit",
      Weight: 3,
      Notes: null,
    },
    {
      Date: "2024-05-09",
      Partner: "Northvale ICB",
      Entry: "Changed hospital discharge criteria without consulting the partnership",
      "Credit or debit": "Debit",
      Weight: 4,
      Notes: "Raised at the June board; changes now come to the board first",
    },
    {
      Date: "2024-06-20",
      Partner: "Age Well",
      Entry: "Volunteers covered extra home from hospital shifts during the heatwave",
      "Credit or debit": "Credit",
      Weight: 4,
      Notes: null,
    },
    {
      Date: "2024-07-11",
      Partner: "Community Trust",
      Entry: "Opened the single point of access on time, with social care staff in the team",
      "Credit or debit": "Credit",
      Weight: 5,
      Notes: "Quick win for objective O4",
    },
    {
      Date: "2024-09-05",
      Partner: "Eastbrook DC",
      Entry: "Adaptations data late for the second quarter running",
      "Credit or debit": "Debit",
      Weight: 2,
      Notes: null,
    },
    {
      Date: "2024-10-17",
      Partner: "Care Providers",
      Entry: "Member care homes accepted weekend discharges on trusted assessments",
      "Credit or debit": "Credit",
      Weight: 3,
      Notes: null,
    },
    {
      Date: "2024-12-12",
      Partner: "County Council",
      Entry: "Changed reablement eligibility without bringing it to the board",
      "Credit or debit": "Debit",
      Weight: 3,
      Notes: "Apology given; the change came back to the January board",
    },
    {
      Date: "2025-02-06",
      Partner: "Carers Forum",
      Entry: "Shared the carers' survey early and had carers present the results themselves",
      "Credit or debit": "Credit",
      Weight: 3,
      Notes: null,
    },
    {
      Date: "2025-03-20",
      Partner: "Northvale ICB",
      Entry: "Paid for extra winter discharge to assess beds from its own underspend",
      "Credit or debit": "Credit",
      Weight: 4,
      Notes: "Eased pressure on the pooled fund",
    },
    {
      Date: "2025-06-12",
      Partner: "Community Trust",
      Entry: "Sent no one to three working group meetings in a row",
      "Credit or debit": "Debit",
      Weight: 2,
      Notes: null,
    },
    {
      Date: "2025-09-18",
      Partner: "Eastbrook DC",
      Entry: "Housing officer on the wards cut delays caused by housing problems",
      "Credit or debit": "Credit",
      Weight: 3,
      Notes: "See indicator I23",
    },
  ],
};
