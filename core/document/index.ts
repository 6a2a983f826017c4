/** The document builder: workbook data + templates → a Word document, in Node or the browser. */
export { buildDocument, type BuildInput, type BuildResult, type DocumentMode } from "./build.js";
export {
  DOCUMENT_KINDS,
  MAIN_TEMPLATE,
  TEMPLATE_FILES,
  documentKindFor,
  isDocumentKind,
  type DocumentKind,
} from "./kinds.js";
export {
  DEFAULT_HOUSE_STYLE,
  HouseStyleError,
  houseStyleFromParts,
  readHouseStyle,
  type FontStyle,
  type HouseStyle,
} from "./word/house-style.js";
