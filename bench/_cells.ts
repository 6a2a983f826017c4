import { readFile } from "node:fs/promises";
import { readWorkbookCells } from "../adapters/exceljs/read-workbook.js";
const bytes = await readFile("/tmp/jobs/example.xlsx");
for (let i = 0; i < 400; i++) await readWorkbookCells(bytes);
