// « Je n’ai pas de code »: the pupil chooses the collège and their level, never a class — the class
// code is the only way into a class (a stranger who finds the collège cannot join one of its classes).
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { PupilSignUpForm } from '@/components/classes/PupilSignUpForm';
import { setNow } from '@/lib/core/clock';
import { schoolYearOf } from '@/lib/core/format';

jest.mock('next/navigation', () => ({ useRouter: () => ({ push: jest.fn(), refresh: jest.fn() }) }));

beforeAll(() => setNow('2026-10-05T08:00:00Z'));
afterAll(() => setNow(null));

describe('the pupil sign-up form without a class code', () => {
  it('offers no list of classes, only the level, and sends no class', async () => {
    const action = jest
      .fn()
      .mockResolvedValue({ ok: true, data: { login: 'lea.morel', needsActivation: false, establishmentName: 'Collège les Ormeaux', className: null } });
    render(<PupilSignUpForm target={{ kind: 'establishment', uai: '0350033W', establishmentName: 'Collège les Ormeaux' }} action={action} />);
    expect(screen.queryByLabelText(/Ma classe/)).not.toBeInTheDocument();
    expect(screen.getByText(/code de votre classe/i)).toBeInTheDocument();
    const user = userEvent.setup();
    await user.selectOptions(screen.getByLabelText('Mon niveau'), '3e');
    await user.type(screen.getAllByLabelText('Nom')[0], 'Morel'); // [1], [2]: the optional guardians
    await user.type(screen.getAllByLabelText('Prénom')[0], 'Léa');
    await user.type(screen.getByLabelText('Date de naissance'), `${schoolYearOf() - 14}-05-04`); // a 3e pupil, whatever the year
    await user.type(screen.getByLabelText('Identifiant'), 'lea.morel');
    await user.type(screen.getByLabelText('Mot de passe'), 'Un-mot-de-passe-long');
    await user.type(screen.getByLabelText('Confirmation du mot de passe'), 'Un-mot-de-passe-long');
    await user.click(screen.getByRole('button', { name: 'Je m’inscris' }));
    await waitFor(() => expect(action).toHaveBeenCalled());
    const sent = action.mock.calls[0][0];
    expect(sent).toMatchObject({ uai: '0350033W', level: '3e', code: '' });
    expect(sent).not.toHaveProperty('classRoomId');
    expect(await screen.findByText(/votre professeur principal choisira votre classe/)).toBeInTheDocument();
  });
});
