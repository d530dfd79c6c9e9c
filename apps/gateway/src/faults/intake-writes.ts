/** The write the fault and load tests send: an intake registration, as the group-course app does. */
const VIOLENCE_ROWS = [
  'PHYSICAL',
  'PSYCHOLOGICAL',
  'SEXUAL',
  'MATERIAL',
  'ECONOMIC',
  'DIGITAL',
  'STALKING',
  'HONOUR_RELATED',
  'OTHER',
];

export const REGISTER_INTAKE = `mutation Register($input: RegisterIntakeInput!) {
  registerIntake(input: $input) { id personId name }
}`;

export const INTAKE_NAMES = `query Intakes { intakes { id name } }`;

export function intakeVariables(name: string, age = 40) {
  return {
    input: {
      registeredOn: new Date().toISOString().slice(0, 10),
      name,
      phone: '20 30 40 50',
      answers: {
        gender: 'WOMAN',
        age,
        heard_from: ['POLICE'],
        violence_status: Object.fromEntries(
          VIOLENCE_ROWS.map((row) => [row, row === 'PHYSICAL' ? 'ONGOING' : 'NOT_RELEVANT']),
        ),
      },
    },
  };
}
