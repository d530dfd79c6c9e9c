import { graphql, type ResultOf } from '../graphql.ts';

/**
 * The value types every figure is built from. They are unmasked (`@_unmask`): a section reads them
 * directly, since a count or a rate is a value, not a component with data needs of its own.
 */
export const CountFields = graphql(`
  fragment CountFields on SuppressedCount @_unmask {
    value
    suppressed
  }
`);

export const RateFields = graphql(`
  fragment RateFields on EvaluationRate @_unmask {
    numerator
    denominator
    rate
    ci95Lower
    ci95Upper
  }
`);

export const CountTableFields = graphql(
  `
  fragment CountTableFields on CountTable @_unmask {
    columns
    rows {
      key
      cells { ...CountFields }
      total { ...CountFields }
    }
    columnTotals { ...CountFields }
    grandTotal { ...CountFields }
  }
`,
  [CountFields],
);

export const TTestFields = graphql(`
  fragment TTestFields on TTest @_unmask {
    meanDifference
    ci95Lower
    ci95Upper
    t
    df
    p
    stars
  }
`);

export type Count = ResultOf<typeof CountFields>;
export type RateValue = ResultOf<typeof RateFields>;
export type CountTableValue = ResultOf<typeof CountTableFields>;
export type TTestValue = ResultOf<typeof TTestFields>;
