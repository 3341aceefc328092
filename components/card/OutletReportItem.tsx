import type { OutletReport } from '../../lib/types';
import { listNames } from '../format';
import { PublishedTime } from '../PublishedTime';
import { DifferenceList } from './DifferenceList';
import { MatchReasons } from './MatchReasons';

export interface OutletReportItemProps {
  report: OutletReport;
  locale?: string;
}

/** One other outlet's wording of the claim, its differences, and a link to it in place. */
export function OutletReportItem({ report, locale }: OutletReportItemProps) {
  const reprints = report.reprintedBy ?? [];
  return (
    <li class="px-report">
      <div class="px-report-head">
        <strong class="px-outlet">{report.outlet}</strong>
        {reprints.length > 0 ? <span class="px-reprints"> (also carried by {listNames(reprints)})</span> : null}
        <PublishedTime iso={report.publishedAt} locale={locale} />
      </div>
      <blockquote class="px-sentence" cite={report.url}>
        {report.sentence}
      </blockquote>
      <DifferenceList differences={report.differences} outlet={report.outlet} />
      <MatchReasons reasons={report.reasons} />
      <a class="px-open" href={report.fragmentUrl} target="_blank" rel="noopener">
        Read it in {report.outlet}
        <span class="px-visually-hidden"> (opens in a new tab)</span>
      </a>
    </li>
  );
}
