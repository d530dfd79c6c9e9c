import { defineCatalogue } from '@vi/ui';

/** Texts of the cost section's two aftercare models, Danish first and English complete. */
export const aftercareCostMessages = defineCatalogue({
  da: {
    'hateCrime.heading': 'Efterværn for ofre for hadforbrydelser: drift, pr. offer og budget',
    'hateCrime.note':
      'Beløb i kroner. Pr. offer deler den årlige drift med de ofre, hvis henvisning til et spor startede i året (n i kolonnen Ofre med efterværn), og vises kun, når n er 5 eller mere.',
    'hateCrime.table': 'Efterværn for ofre for hadforbrydelser pr. organisation',
    'hateCrime.rowHeader': 'Organisation',
    'hateCrime.victims': 'Ofre med efterværn i året (n)',
    'hateCrime.perVictim': 'Pr. offer (årlig drift ÷ ofre)',
    'hateCrime.preStudyRange': 'Forundersøgelsens spænd pr. offer',
    'hateCrime.withinRange': 'Inden for spændet',
    'hateCrime.budget': 'Bevilget budget pr. år',
    'hateCrime.budgetYears': 'Bevilget for (år)',
    'hateCrime.budgetUse': 'Budgetforbrug (årlig drift ÷ budget)',
    'hateCrime.perVictimNote': 'Pr. offer: {note}',
    'hateCrime.source':
      'Forundersøgelsens regel: {yearlyLow}-{yearlyHigh} om året til {victimsLow}-{victimsHigh} ofre i opstarten, dvs. {perVictimLow}-{perVictimHigh} pr. offer, i mindst to år. Kilde: {document}, {reference}.',
    'shelter.heading': 'Efterværn efter krisecenterophold: drift, pr. udflytning og break-even',
    'shelter.note':
      'Beløb i kroner. Pr. udflytning deler den årlige drift med udflytningerne i året (ophold, der sluttede uden overflytning til et andet krisecenter; n i kolonnen Udflytninger), og vises kun, når n er 5 eller mere. De planlagte udflytninger, organisationen har indtastet, bruges kun til timerne i den koordinerende rådgivning.',
    'shelter.table': 'Efterværn efter krisecenterophold pr. organisation',
    'shelter.rowHeader': 'Organisation',
    'shelter.moveOuts': 'Udflytninger i året (n)',
    'shelter.perMoveOut': 'Pr. udflytning (årlig drift ÷ udflytninger)',
    'shelter.shelterStay': 'Ét krisecenterophold',
    'shelter.priceYear': 'Prisår (krisecenterophold)',
    'shelter.breakEven': 'Genophold, der skal undgås pr. år for at hvile i sig selv',
    'shelter.source':
      'Break-even: årlig drift ÷ ét krisecenterophold ({amount} i {priceYear}-priser), altså hvor mange genophold om året efterværnet skal forhindre for at betale sig alene i sparede ophold. Kilde: {document}, {reference}.',
    'lines.heading': 'Efterværnets drift post for post',
    'lines.table': 'Efterværnets årlige drift post for post',
    yes: 'Ja',
    no: 'Nej',
  },
  en: {
    'hateCrime.heading': 'Hate-crime aftercare: running cost, per victim and budget',
    'hateCrime.note':
      'Amounts in kroner. Per victim divides the yearly running cost by the victims whose referral to a track started in the year (n in the column Victims with aftercare), and is shown only where n is 5 or more.',
    'hateCrime.table': 'Hate-crime aftercare per organisation',
    'hateCrime.rowHeader': 'Organisation',
    'hateCrime.victims': 'Victims with aftercare in the year (n)',
    'hateCrime.perVictim': 'Per victim (yearly running ÷ victims)',
    'hateCrime.preStudyRange': "The pre-study's range per victim",
    'hateCrime.withinRange': 'Within the range',
    'hateCrime.budget': 'Granted budget a year',
    'hateCrime.budgetYears': 'Granted for (years)',
    'hateCrime.budgetUse': 'Budget use (yearly running ÷ budget)',
    'hateCrime.perVictimNote': 'Per victim: {note}',
    'hateCrime.source':
      "The pre-study's rule: {yearlyLow}-{yearlyHigh} a year for {victimsLow}-{victimsHigh} victims at the start, i.e. {perVictimLow}-{perVictimHigh} per victim, for at least two years. Source: {document}, {reference}.",
    'shelter.heading': 'Aftercare after a shelter stay: running cost, per move-out and break-even',
    'shelter.note':
      'Amounts in kroner. Per move-out divides the yearly running cost by the move-outs in the year (stays that ended without a transfer to another shelter; n in the column Move-outs), and is shown only where n is 5 or more. The planned move-outs the organisation entered only size the hours of coordinating counselling.',
    'shelter.table': 'Aftercare after a shelter stay per organisation',
    'shelter.rowHeader': 'Organisation',
    'shelter.moveOuts': 'Move-outs in the year (n)',
    'shelter.perMoveOut': 'Per move-out (yearly running ÷ move-outs)',
    'shelter.shelterStay': 'One shelter stay',
    'shelter.priceYear': 'Price year (shelter stay)',
    'shelter.breakEven': 'Repeat stays to avoid a year to break even',
    'shelter.source':
      'Break-even: yearly running cost ÷ one shelter stay ({amount} in {priceYear} prices), i.e. how many repeat stays a year the aftercare must prevent to pay for itself in avoided stays alone. Source: {document}, {reference}.',
    'lines.heading': 'Aftercare running cost line by line',
    'lines.table': 'Yearly running cost of aftercare, line by line',
    yes: 'Yes',
    no: 'No',
  },
});

export type AftercareCostMessageKey = keyof (typeof aftercareCostMessages)['da'];
