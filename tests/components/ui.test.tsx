import { render, screen } from '@testing-library/react';
import { Field, SelectField } from '@/components/ui/Field';
import { Alert } from '@/components/ui/Alert';
import { Button } from '@/components/ui/Button';

describe('ui building blocks', () => {
  it('labels a field and ties its hint and error to it', () => {
    render(<Field label="Code UAI" hint="7 chiffres et une lettre" error="Ce code UAI n'existe pas." name="uai" />);
    const input = screen.getByLabelText('Code UAI');
    expect(input).toHaveAttribute('aria-invalid', 'true');
    expect(input).toHaveAccessibleDescription(/7 chiffres et une lettre.*Ce code UAI n'existe pas\./);
    expect(screen.getByRole('alert')).toHaveTextContent("Ce code UAI n'existe pas.");
  });

  it('leaves a valid field unmarked', () => {
    render(
      <SelectField label="Filière" name="level">
        <option>3e</option>
      </SelectField>,
    );
    expect(screen.getByLabelText('Filière')).not.toHaveAttribute('aria-invalid');
  });

  it('announces errors as alerts and other messages as status', () => {
    render(
      <>
        <Alert tone="error">Échec</Alert>
        <Alert tone="success">Enregistré</Alert>
      </>,
    );
    expect(screen.getByRole('alert')).toHaveTextContent('Échec');
    expect(screen.getByRole('status')).toHaveTextContent('Enregistré');
  });

  it('disables a pending button and says so', () => {
    render(<Button pending>Enregistrer</Button>);
    const b = screen.getByRole('button', { name: /Enregistrer/ });
    expect(b).toBeDisabled();
    expect(b).toHaveAttribute('aria-busy', 'true');
  });
});
