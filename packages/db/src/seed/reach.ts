import type { Prisma } from '../generated/prisma/client.ts';
import type { SeededRandom } from './random.ts';

/**
 * The demo's answers on who we reach (issue 14, part 4): optional coded answers (language,
 * interpreter, children affected, same-sex relationship, mutual violence) on part of the reached
 * outreach cases (recorded during the call, so only where the call reached the person) and on part
 * of the intake registrations, so the evaluation's "who we reach" section shows numbers. As in
 * real use many answers stay empty (the staff ask nothing for the figures' sake).
 *
 * Draws from its own random stream (the caller passes a SeededRandom of its own): every other demo
 * row stays exactly as it was.
 */
const LANGUAGES: Record<string, number> = {
  da: 74,
  en: 4,
  ar: 5,
  tr: 3,
  so: 2,
  ur: 2,
  fa: 2,
  pl: 3,
  uk: 2,
  other: 3,
};

type Answer = 'YES' | 'NO' | 'NOT_KNOWN' | null;

function answer(random: SeededRandom, yes: number, no: number, notKnown: number): Answer {
  const key = random.weighted({ YES: yes, NO: no, NOT_KNOWN: notKnown, EMPTY: 100 - yes - no - notKnown });
  return key === 'EMPTY' ? null : key;
}

function answersFor(random: SeededRandom) {
  const language = random.chance(0.85) ? random.weighted(LANGUAGES) : null;
  const foreign = language !== null && language !== 'da' && language !== 'en';
  // Mostly needed where the person prefers a language staff do not speak; a few Danish speakers too.
  const interpreterNeeded: Answer = foreign
    ? random.weighted({ YES: 60, NO: 35, NOT_KNOWN: 5 })
    : answer(random, 2, 70, 3);
  const interpreterUsed: Answer =
    interpreterNeeded === 'YES'
      ? random.weighted({ YES: 80, NO: 20 })
      : interpreterNeeded === null
        ? null
        : 'NO';
  return {
    preferredLanguage: language,
    interpreterNeeded,
    interpreterUsed,
    childrenAffected: answer(random, 35, 45, 8),
    sameSexRelationship: answer(random, 5, 75, 5),
    mutualViolence: answer(random, 9, 65, 10),
  };
}

const REACHED = new Set(['REFERRED', 'DECLINED', 'WILL_CALL_SELF']);

export function buildReachDemo(input: {
  random: SeededRandom;
  outreachCases: ReadonlyArray<Pick<Prisma.OutreachCaseCreateManyInput, 'id' | 'organizationId' | 'status'>>;
  intakes: ReadonlyArray<Pick<Prisma.IntakeRegistrationCreateManyInput, 'id' | 'organizationId'>>;
}): Prisma.ReachAnswersCreateManyInput[] {
  const { random } = input;
  const rows: Prisma.ReachAnswersCreateManyInput[] = [];
  for (const outreachCase of input.outreachCases) {
    if (!REACHED.has(outreachCase.status) || !random.chance(0.7)) continue;
    rows.push({
      id: random.uuid(),
      organizationId: outreachCase.organizationId,
      outreachCaseId: outreachCase.id as string,
      ...answersFor(random),
    });
  }
  for (const intake of input.intakes) {
    if (!random.chance(0.8)) continue;
    rows.push({
      id: random.uuid(),
      organizationId: intake.organizationId,
      intakeRegistrationId: intake.id as string,
      ...answersFor(random),
    });
  }
  return rows;
}
