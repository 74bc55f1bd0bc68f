// The blue « Conv » button beside an enrolled pupil: the convention's PDF (a convention still missing
// something opens its page, which says what), and its state, linking to the convention's page.
import Link from 'next/link';
import { ButtonLink } from '@/components/ui/Button';
import { CONVENTION_LABEL } from '@/lib/enrolments/labels';

type Status = keyof typeof CONVENTION_LABEL;

export function ConvButton({ enrolmentId, pupil, status, page }: { enrolmentId: string; pupil: string; status: Status | null; page: string }) {
  return (
    <span className="row">
      <ButtonLink href={`/api/conventions/${enrolmentId}`} small file label={`Convention de ${pupil} (PDF)`}>
        Conv
      </ButtonLink>
      <Link href={page}>{CONVENTION_LABEL[status ?? 'DRAFT']}</Link>
    </span>
  );
}
