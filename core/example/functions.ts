/**
 * The functions the example's section 75 agreement covers: NHS functions of
 * the ICB and the Trust, and health-related functions of the two councils
 * (SI 2000/617, regulations 5 and 6), with the persons and services covered.
 */
import type { DelegatedFunction } from "../model/legal.js";

export function exampleFunctions(): DelegatedFunction[] {
  return [
    {
      partner: "Northvale ICB",
      kind: "NHS function",
      function:
        "Arranging intermediate care, discharge to assess beds and community health services for older people",
      statutoryBasis: "National Health Service Act 2006, sections 3 and 3A",
      persons: "Adults aged 65 and over registered with a general practice in Northvale",
      services: "Discharge to assess beds; step-up and step-down intermediate care",
      flexibility: "Pooled fund",
    },
    {
      partner: "Community Trust",
      kind: "NHS function",
      function: "Providing community nursing and therapy in the integrated neighbourhood teams",
      statutoryBasis: "National Health Service Act 2006, section 3 (as commissioned by the ICB)",
      persons: "Adults aged 65 and over registered with a general practice in Northvale",
      services: "Community nursing, physiotherapy and occupational therapy at home",
      flexibility: "Integrated provision",
    },
    {
      partner: "County Council",
      kind: "Health-related function",
      function:
        "Assessing and meeting the care and support needs of older people and their carers, and preventing needs arising",
      statutoryBasis: "Care Act 2014, sections 2, 9, 10, 18 and 20",
      persons: "Adults aged 65 and over ordinarily resident in Northvale, and their carers",
      services: "Home-based and bed-based reablement; the single point of access; carers' support",
      flexibility: "Lead commissioning",
    },
    {
      partner: "Eastbrook DC",
      kind: "Health-related function",
      function: "Disabled facilities grants and housing advice for older people leaving hospital",
      statutoryBasis: "Housing Grants, Construction and Regeneration Act 1996, Part 1",
      persons: "Adults aged 65 and over living in Eastbrook district",
      services: "Adaptations to the home; housing options advice on the hospital wards",
      flexibility: "Pooled fund",
    },
  ];
}
