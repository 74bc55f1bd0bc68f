import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ClassForm } from '@/components/classes/ClassForm';

const refresh = jest.fn();
jest.mock('next/navigation', () => ({ useRouter: () => ({ refresh, push: jest.fn() }) }));

describe('ClassForm (« Ajouter une classe »)', () => {
  beforeEach(() => refresh.mockClear());

  it('has labelled fields and the « Enregistrer » button', () => {
    render(<ClassForm action={jest.fn()} />);
    expect(screen.getByLabelText(/Nom de la classe/)).toBeInTheDocument();
    expect(screen.getByLabelText('Filière / niveau')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Enregistrer' })).toBeInTheDocument();
  });

  it('refuses an empty form in the browser, with French messages next to the fields, without calling the server', async () => {
    const action = jest.fn();
    render(<ClassForm action={action} />);
    await userEvent.click(screen.getByRole('button', { name: 'Enregistrer' }));
    expect(await screen.findByText(/Saisissez le nom de la classe/)).toBeInTheDocument();
    expect(screen.getByText(/Choisissez la filière/)).toBeInTheDocument();
    expect(screen.getByLabelText(/Nom de la classe/)).toHaveAttribute('aria-invalid', 'true');
    expect(action).not.toHaveBeenCalled();
  });

  it('sends the cleaned name and the filière, announces success and empties the name', async () => {
    const action = jest.fn().mockResolvedValue({ ok: true, data: { id: 'c1', name: '3e B' } });
    render(<ClassForm action={action} />);
    await userEvent.type(screen.getByLabelText(/Nom de la classe/), '  3e   B ');
    await userEvent.selectOptions(screen.getByLabelText('Filière / niveau'), '3e');
    await userEvent.click(screen.getByRole('button', { name: 'Enregistrer' }));
    await waitFor(() => expect(action).toHaveBeenCalledWith({ name: '3e B', level: '3e' }));
    expect(await screen.findByRole('status')).toHaveTextContent('La classe « 3e B » a été ajoutée.');
    expect(screen.getByLabelText(/Nom de la classe/)).toHaveValue('');
    expect(refresh).toHaveBeenCalled();
  });

  it("shows the server's refusal next to the field (a class of that name exists)", async () => {
    const message = 'Une classe « 3e A » existe déjà cette année : choisissez un autre nom.';
    const action = jest.fn().mockResolvedValue({ ok: false, error: { code: 'CONFLICT', message, fieldErrors: { name: [message] } } });
    render(<ClassForm action={action} />);
    await userEvent.type(screen.getByLabelText(/Nom de la classe/), '3e A');
    await userEvent.selectOptions(screen.getByLabelText('Filière / niveau'), '3e');
    await userEvent.click(screen.getByRole('button', { name: 'Enregistrer' }));
    expect(await screen.findAllByText(message)).toHaveLength(2); // the alert and the field's error
    expect(screen.getByLabelText(/Nom de la classe/)).toHaveAttribute('aria-invalid', 'true');
  });

  it('edits a class: pre-filled, sends its id, then closes', async () => {
    const action = jest.fn().mockResolvedValue({ ok: true, data: { id: 'c9', name: '4e SEGPA' } });
    const onDone = jest.fn();
    render(<ClassForm action={action} classRoomId="c9" initial={{ name: '4e A', level: '4e' }} onDone={onDone} onCancel={jest.fn()} />);
    const name = screen.getByLabelText(/Nom de la classe/);
    expect(name).toHaveValue('4e A');
    await userEvent.clear(name);
    await userEvent.type(name, '4e SEGPA');
    await userEvent.selectOptions(screen.getByLabelText('Filière / niveau'), 'SEGPA');
    await userEvent.click(screen.getByRole('button', { name: 'Enregistrer' }));
    await waitFor(() => expect(action).toHaveBeenCalledWith({ name: '4e SEGPA', level: 'SEGPA', classRoomId: 'c9' }));
    expect(onDone).toHaveBeenCalled();
    expect(screen.getByRole('button', { name: 'Annuler' })).toBeInTheDocument();
  });
});
