import type { Partner, Partnership } from "./types.js";

/**
 * A partnership with nothing filled in but `partnerCount` placeholder
 * partners, whose short names ("Partner 1"…) head the assessment grids until
 * officers rename them.
 */
export function emptyPartnership(partnerCount: number): Partnership {
  const partners: Partner[] = Array.from({ length: partnerCount }, (_, i) => ({
    organisation: "",
    shortName: `Partner ${i + 1}`,
    sector: null,
    representative: "",
    role: "",
    votingMember: true,
    addressForNotices: "",
    signatoryName: "",
    signatoryTitle: "",
    contribution: null,
    inKindContribution: "",
    legalBody: "",
    bodyType: null,
    agreementParty: null,
    signatoryAuthority: "",
    seals: false,
  }));
  return {
    details: {
      name: "",
      arrangement: null,
      serviceArea: "",
      vision: "",
      hostPartner: "",
      startDate: null,
      endDate: null,
      reviewDate: null,
      governingBody: "",
      chair: "",
      viceChair: "",
      quorum: null,
      meetingFrequency: "",
      decisionRule: "",
      reportingLine: "",
      pooledFundManager: "",
      noticePeriodMonths: null,
      documentVersion: "",
      documentStatus: "",
      documentDate: null,
      leadCommissioning: false,
      leadCommissioner: "",
      integratedProvision: false,
      paymentTerms: "",
      informationSharingAgreement: "",
      dataProtectionImpactAssessment: "",
      unallocatedContributions: "",
      agreementDate: null,
    },
    partners,
    values: [],
    objectives: [],
    periods: [],
    indicators: [],
    finance: [],
    functions: [],
    assessments: [],
  };
}
