import { formatPart, formatValue } from '@/lib/format';
import type { KpiInfo } from '@/lib/kpis';

/**
 * "Explain this number": the KPI's definition from the catalogue, what its numerator and
 * denominator count and, when known, their values, so anyone can check the figure.
 */
export function Explain({
  info,
  value,
  numerator,
  denominator,
  ignored = [],
}: {
  info: KpiInfo;
  value?: number | null;
  numerator?: number | null | undefined;
  denominator?: number | null | undefined;
  ignored?: string[];
}) {
  return (
    <details className="explain">
      <summary>Explain this number</summary>
      <dl className="explain__list">
        <div>
          <dt>KPI</dt>
          <dd>
            {info.title} (<code>{info.name}</code>)
          </dd>
        </div>
        <div>
          <dt>Definition</dt>
          <dd>{info.description}</dd>
        </div>
        {info.numerator ? (
          <div>
            <dt>Numerator</dt>
            <dd>
              {info.numerator}
              {numerator !== undefined ? <strong className="explain__value">= {formatPart(numerator, info.numeratorUnit)}</strong> : null}
            </dd>
          </div>
        ) : null}
        {info.denominator ? (
          <div>
            <dt>Denominator</dt>
            <dd>
              {info.denominator}
              {denominator !== undefined ? <strong className="explain__value">= {formatPart(denominator, info.denominatorUnit)}</strong> : null}
            </dd>
          </div>
        ) : null}
        {value !== undefined ? (
          <div>
            <dt>Value</dt>
            <dd>
              {formatValue(info.unit, value)}
              {info.numerator ? (info.name === 'nps' ? ' = 100 × numerator ÷ denominator' : ' = numerator ÷ denominator') : null}
            </dd>
          </div>
        ) : null}
        {ignored.length > 0 ? (
          <div>
            <dt>Not filtered by</dt>
            <dd>{ignored.join(', ')} (this KPI cannot be split that way)</dd>
          </div>
        ) : null}
      </dl>
    </details>
  );
}
