import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PasswordField } from './password-field';

type NewPasswordFieldsProps = {
  /** `password` when the password comes with a new account, `new_password` when it replaces one. */
  name: 'password' | 'new_password';
  /** The server's message for the field, if it refused it. */
  error?: string;
  /** Adds the "repeat password" field (`confirm_password`); `mismatch` shows that the two differ. */
  confirmation?: { mismatch: boolean };
};

/** The field for choosing a password, with its rule, and optionally the field that repeats it. */
export function NewPasswordFields({ name, error, confirmation }: NewPasswordFieldsProps) {
  const { t } = useTranslation();
  return (
    <>
      <PasswordField
        name={name}
        label={name === 'password' ? t('fields.password') : t('fields.newPassword')}
        description={t('fields.passwordRule')}
        autoComplete="new-password"
        required
        error={error}
      />
      {confirmation ? (
        <PasswordField
          name="confirm_password"
          label={t('fields.confirmPassword')}
          autoComplete="new-password"
          required
          error={confirmation.mismatch ? t('fields.passwordsDiffer') : undefined}
        />
      ) : null}
    </>
  );
}

/** The check behind `confirmation`: `matches(values)` records, and returns, whether the two passwords agree. */
export function usePasswordConfirmation() {
  const [mismatch, setMismatch] = useState(false);
  const matches = (values: { new_password: string; confirm_password: string }) => {
    const same = values.new_password === values.confirm_password;
    setMismatch(!same);
    return same;
  };
  return { mismatch, matches };
}
