import { defineCatalogue } from '@vi/ui';

/**
 * Texts of the import screen's template, row numbers and the crime-code table (issue 13),
 * beside the shared screen catalogue (outreach-screen-messages.ts).
 */
export const importMessages = defineCatalogue({
  da: {
    'import.intro':
      'Vælg en CSV-fil fra politiets system. Filen kontrolleres først, og intet gemmes, før du importerer. Kolonner: {columns}. I kolonnen Hændelsestype kan der også stå politiets gerningskode (et tal), når koden står i tabellen over gerningskoder nederst på siden.',
    'import.template': 'Hent skabelon (CSV)',
    'import.templateHint': 'Skabelonen har kolonnerne og én eksempelrække, som du skriver over.',
    'import.rowInFile': 'Række i filen',
    'codes.heading': 'Politiets gerningskoder',
    'codes.intro':
      'Når politiets liste har en gerningskode i stedet for en hændelsestype, slås koden op i denne tabel. En række med en kode, der ikke står her, afvises med koden nævnt.',
    'codes.lead': 'Som projektleder kan du tilføje, rette og fjerne koder. Hver ændring logges.',
    'codes.readOnly': 'Projektlederen vedligeholder tabellen.',
    'codes.empty': 'Der er ingen gerningskoder i tabellen endnu.',
    'codes.caption': 'Gerningskoder og deres hændelsestype',
    'codes.code': 'Gerningskode',
    'codes.codeHint': 'Kun cifre, som på politiets liste.',
    'codes.type': 'Hændelsestype',
    'codes.chooseType': 'Vælg hændelsestype',
    'codes.description': 'Beskrivelse (valgfri)',
    'codes.codeColumn': 'Kode',
    'codes.typeColumn': 'Hændelsestype og beskrivelse',
    'codes.actions': 'Ret eller fjern',
    'codes.formHeading': 'Tilføj eller ret en gerningskode',
    'codes.save': 'Gem gerningskoden',
    'codes.saving': 'Gemmer …',
    'codes.saved': 'Gerningskode {code} er gemt.',
    'codes.edit': 'Ret {code}',
    'codes.delete': 'Fjern {code}',
    'codes.deleted': 'Gerningskode {code} er fjernet.',
  },
  en: {
    'import.intro':
      'Choose a CSV file from the police system. The file is checked first, and nothing is stored until you import. Columns: {columns}. The Incident type column may also hold the police crime code (a number) when the code is in the table of crime codes at the bottom of the page.',
    'import.template': 'Download a template (CSV)',
    'import.templateHint': 'The template has the columns and one example row for you to overwrite.',
    'import.rowInFile': 'Row in file',
    'codes.heading': 'Police crime codes',
    'codes.intro':
      'When the police list has a crime code instead of an incident type, the code is looked up in this table. A row with a code that is not here is rejected, naming the code.',
    'codes.lead': 'As project lead you can add, correct and remove codes. Every change is logged.',
    'codes.readOnly': 'The project lead maintains the table.',
    'codes.empty': 'There are no crime codes in the table yet.',
    'codes.caption': 'Crime codes and their incident type',
    'codes.code': 'Crime code',
    'codes.codeHint': 'Digits only, as on the police list.',
    'codes.type': 'Incident type',
    'codes.chooseType': 'Choose an incident type',
    'codes.description': 'Description (optional)',
    'codes.codeColumn': 'Code',
    'codes.typeColumn': 'Incident type and description',
    'codes.actions': 'Correct or remove',
    'codes.formHeading': 'Add or correct a crime code',
    'codes.save': 'Save the crime code',
    'codes.saving': 'Saving …',
    'codes.saved': 'Crime code {code} has been saved.',
    'codes.edit': 'Correct {code}',
    'codes.delete': 'Remove {code}',
    'codes.deleted': 'Crime code {code} has been removed.',
  },
});
