import { defineCatalogue } from '@vi/ui';

/**
 * The evaluation's section "who we reach" (issue 14): reach and acceptance per target group of the
 * national action plan against violence in the family and close relations, per phase of its frame.
 */
export const reachMessages = defineCatalogue({
  da: {
    'reach.heading': 'Hvem når vi',
    'reach.lead':
      'Den nationale handlingsplan mod vold i familien og i nære relationer spørger, om hjælpen når voldsudsatte mænd, unge i kærestevold, personer med sproglige barrierer, personer i samkønnede relationer, gensidig vold, ofre for stalking og børn, der lever med volden. Her vises for hver indsats og dens fase i handlingsplanens ramme, hvor mange i hver gruppe der blev nået, hvor mange der tog imod tilbuddet, og andelen, ved siden af alle nåede.',
    'reach.loading': 'Henter tallene for hvem vi når …',
    'reach.phase': '{phase}: {model}',
    'reach.definition.OUTREACH':
      'Nået: opkaldet nåede personen (ønsker opkald, afslår eller ringer selv; som i tragten). Tog imod: ønsker opkald fra en rådgiver.',
    'reach.definition.GROUP_COURSE':
      'Nået: personen er visiteret (perioden er visitationsdatoen). Tog imod: startede i et gruppeforløb, dvs. tilmeldt et forløb, hvis første gang er holdt, og ikke udmeldt før første gang.',
    'reach.note':
      'En person kan være i flere grupper eller ingen, så grupperne summer ikke til »alle nåede«. Sprog, tolk, samkønnet forhold, gensidig vold og børn tæller kun, hvor medarbejderen har registreret svaret; tallene er derfor mindst så store som vist. Hver optælling er sløret for sig (cellenøglemetoden); andelen beregnes af de viste tal.',
    'reach.table': '{phase}: nået og taget imod pr. målgruppe ({model})',
    'reach.chart': 'Andel der tog imod pr. målgruppe ({model})',
    'reach.axis': 'Andel der tog imod (%)',
    'reach.group': 'Målgruppe',
    'reach.reached': 'Nået (n)',
    'reach.accepted': 'Tog imod (n)',
    'reach.acceptance': 'Andel der tog imod',
    'reach.basis': 'Afgrænsning',
    'reach.all': 'Alle nåede',
    'reach.allBasis': 'Alle, indsatsen nåede (til sammenligning)',
    'reach.noData':
      'Den valgte indsats registrerer endnu ikke målgrupperne. Vælg den opsøgende indsats, gruppeforløbet eller alle indsatser for at se, hvem vi når.',
  },
  en: {
    'reach.heading': 'Who we reach',
    'reach.lead':
      'The national action plan against violence in the family and close relations asks whether help reaches men exposed to violence, young people in dating violence, people held back by language, people in same-sex relationships, mutual violence, stalking victims and children who live with the violence. For each intervention and its phase in the plan’s frame, this shows how many in each group were reached, how many accepted the offer, and the rate, beside everybody reached.',
    'reach.loading': 'Loading the figures on who we reach …',
    'reach.phase': '{phase}: {model}',
    'reach.definition.OUTREACH':
      'Reached: the call reached the person (wants a call, declines or will call themselves; as in the funnel). Accepted: wants a counsellor’s call.',
    'reach.definition.GROUP_COURSE':
      'Reached: the person was registered at intake (the period is the registration date). Accepted: started a group course, i.e. enrolled in a course whose first session has been held, and did not withdraw before that session.',
    'reach.note':
      'A person can be in several groups or none, so the groups do not add up to “all reached”. Language, interpreter, same-sex relationship, mutual violence and children count only where staff recorded the answer, so the true numbers are at least those shown. Each count is perturbed on its own (cell-key method); the rate is computed from the published counts.',
    'reach.table': '{phase}: reached and accepted per target group ({model})',
    'reach.chart': 'Acceptance rate per target group ({model})',
    'reach.axis': 'Accepted (%)',
    'reach.group': 'Target group',
    'reach.reached': 'Reached (n)',
    'reach.accepted': 'Accepted (n)',
    'reach.acceptance': 'Acceptance rate',
    'reach.basis': 'Definition',
    'reach.all': 'All reached',
    'reach.allBasis': 'Everybody the intervention reached (to compare with)',
    'reach.noData':
      'The chosen intervention does not record the target groups yet. Choose outreach, the group course or all interventions to see who we reach.',
  },
});
