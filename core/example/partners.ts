/**
 * Who is in the example partnership and how it is run: a fictional older
 * people's health and social care partnership in England. Every name and
 * address is invented ("Northvale" and "Eastbrook" are not real places).
 */
import type { Partner, PartnershipDetails, PartnershipValue } from "../model/types.js";

export function exampleDetails(): PartnershipDetails {
  return {
    name: "Northvale Ageing Well Partnership",
    arrangement: "Formal agreement with pooled fund",
    serviceArea:
      "Health, social care and housing support for older people (65 and over) in Northvale",
    vision:
      "Older people in Northvale live well in their own homes for longer, with joined-up help when they need it and a say in how it is given.",
    hostPartner: "County Council",
    startDate: "2024-04-01",
    endDate: "2027-03-31",
    reviewDate: "2026-03-31",
    governingBody: "Ageing Well Partnership Board",
    chair: "Cllr Margaret Doyle (County Council)",
    viceChair: "Dr Helen Marsh (Northvale ICB)",
    quorum: 4,
    meetingFrequency: "Every two months",
    decisionRule:
      "By consensus where possible; otherwise by a majority of voting members present, provided the ICB and County Council members both agree any decision about the pooled fund",
    reportingLine: "Northvale Health and Wellbeing Board, and each partner's own board or cabinet",
    pooledFundManager: "Priya Raman, Head of Integrated Commissioning (County Council)",
    noticePeriodMonths: 12,
    documentVersion: "1.2",
    documentStatus: "Agreed",
    documentDate: "2024-03-20",
    leadCommissioning: true,
    leadCommissioner: "County Council",
    integratedProvision: true,
    paymentTerms:
      "Quarterly in advance, in four equal instalments on 1 April, 1 July, 1 October and 1 January",
    informationSharingAgreement:
      "Northvale Health and Care Information Sharing Agreement, version 3, approved on 12 February 2024",
    dataProtectionImpactAssessment:
      "Ageing Well Partnership DPIA, reference DP-2024-017, approved on 5 March 2024",
    unallocatedContributions:
      "The balance of the Contributions is held by the Host Partner as a contingency against overspends and for schemes the Board agrees during the year, and is not allocated to a service line",
    // Not yet signed: the agreement's date is left blank for the last signatory to fill in.
    agreementDate: null,
  };
}

export function examplePartners(): Partner[] {
  return [
    {
      organisation: "NHS Northvale Integrated Care Board",
      shortName: "Northvale ICB",
      sector: "NHS",
      representative: "Dr Helen Marsh",
      role: "Director of Integrated Care (vice-chair)",
      votingMember: true,
      addressForNotices: "Northvale House, 14 Mill Lane, Northvale NV1 4QT",
      signatoryName: "Andrew Pike",
      signatoryTitle: "Chief Executive",
      contribution: 4200000,
      inKindContribution: "",
      legalBody: "NHS Northvale Integrated Care Board",
      bodyType: "Integrated care board",
      agreementParty: null,
      signatoryAuthority:
        "Delegated authority under the ICB's scheme of reservation and delegation",
      seals: false,
    },
    {
      organisation: "Northvale Community Health NHS Trust",
      shortName: "Community Trust",
      sector: "NHS",
      representative: "Grace Adeyemi",
      role: "Director of Community Services",
      votingMember: true,
      addressForNotices: "Riverside Health Centre, 2 Quay Street, Northvale NV2 7DL",
      signatoryName: "Martin Howell",
      signatoryTitle: "Chief Executive",
      contribution: 350000,
      inKindContribution:
        "Community nursing and therapy staff in the integrated neighbourhood teams",
      legalBody: "Northvale Community Health NHS Trust",
      bodyType: "NHS trust",
      agreementParty: null,
      signatoryAuthority: "Resolution of the Trust Board of 7 March 2024",
      seals: false,
    },
    {
      organisation: "Northvale County Council (Adult Social Care)",
      shortName: "County Council",
      sector: "Local authority",
      representative: "Cllr Margaret Doyle",
      role: "Cabinet Member for Adult Social Care (chair)",
      votingMember: true,
      addressForNotices: "County Hall, Castle Street, Northvale NV1 1AA",
      signatoryName: "Jonathan Reeve",
      signatoryTitle: "Director of Adult Social Services",
      contribution: 3100000,
      inKindContribution: "Hosting of the pooled fund and the partnership support team",
      legalBody: "Northvale County Council",
      bodyType: "Local authority",
      agreementParty: null,
      signatoryAuthority: "Cabinet decision of 14 March 2024 (minute 112)",
      seals: true,
    },
    {
      organisation: "Eastbrook District Council (Housing Services)",
      shortName: "Eastbrook DC",
      sector: "Housing",
      representative: "Simon Clarke",
      role: "Head of Housing Services",
      votingMember: true,
      addressForNotices: "Eastbrook Civic Centre, Station Road, Eastbrook NV8 3RS",
      signatoryName: "Fiona Barker",
      signatoryTitle: "Chief Executive",
      contribution: 650000,
      inKindContribution:
        "A housing options officer based on the wards at Northvale General Hospital",
      legalBody: "Eastbrook District Council",
      bodyType: "Local authority",
      agreementParty: null,
      signatoryAuthority: "Delegated authority under Part 3 of the Council's constitution",
      seals: true,
    },
    {
      organisation: "Age Well Northvale",
      shortName: "Age Well",
      sector: "Voluntary sector",
      representative: "Denise Okoro",
      role: "Chief Officer (non-voting member)",
      votingMember: false,
      addressForNotices: "The Old School, 9 Chapel Row, Northvale NV3 5HE",
      signatoryName: "",
      signatoryTitle: "",
      contribution: null,
      inKindContribution:
        "Home from hospital and befriending volunteers (about 120 volunteer hours a week)",
      legalBody: "",
      bodyType: "Voluntary sector",
      agreementParty: null,
      signatoryAuthority: "",
      seals: false,
    },
    {
      organisation: "Northvale Care Providers Association",
      shortName: "Care Providers",
      sector: "Independent sector",
      representative: "Raj Bhatt",
      role: "Chair of the Association (non-voting adviser)",
      votingMember: false,
      addressForNotices: "Unit 4, Kingsway Business Park, Northvale NV6 2JP",
      signatoryName: "",
      signatoryTitle: "",
      contribution: null,
      inKindContribution:
        "Trusted assessor time from member care homes and places on their training",
      legalBody: "",
      bodyType: "Independent sector",
      agreementParty: null,
      signatoryAuthority: "",
      seals: false,
    },
    {
      organisation: "Northvale Carers Forum",
      shortName: "Carers Forum",
      sector: "Service users and carers",
      representative: "Joan Whitfield",
      role: "Carer representative (non-voting member)",
      votingMember: false,
      addressForNotices: "c/o Northvale Carers Centre, 21 High Street, Northvale NV1 3PB",
      signatoryName: "",
      signatoryTitle: "",
      contribution: null,
      inKindContribution: "Carers' time and lived experience on the board and its working groups",
      legalBody: "",
      bodyType: "Service user or carer group",
      agreementParty: null,
      signatoryAuthority: "",
      seals: false,
    },
  ];
}

export function exampleValues(): PartnershipValue[] {
  return [
    {
      value: "Person-centred",
      meaning:
        "What matters to the older person and their carer shapes the help they get, not which organisation provides it.",
    },
    {
      value: "Home first",
      meaning:
        "We help people stay in, or return to, their own home whenever that is safe and what they want.",
    },
    {
      value: "Working as equals",
      meaning: "Every partner's voice counts, whatever its size or the money it brings.",
    },
    {
      value: "Openness",
      meaning: "We share information, problems and mistakes early and honestly.",
    },
    {
      value: "Shared responsibility",
      meaning:
        "We own the partnership's results together and do not pass problems on to another partner.",
    },
    {
      value: "Value for money",
      meaning:
        "We spend the pooled fund where it makes the most difference to older people's lives.",
    },
    {
      value: "Carers as partners",
      meaning: "Carers are treated as expert partners in care and supported in their own right.",
    },
  ];
}
