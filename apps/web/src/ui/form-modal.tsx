import { Button, Group, Modal, Stack, type ButtonProps } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { FormError } from './form-error';

type Props = {
  buttonLabel: string;
  buttonProps?: ButtonProps;
  title: string;
  submitLabel: string;
  pending: boolean;
  error: unknown;
  /** Resolves when done (the dialog closes) or rejects (the dialog stays open with the error). */
  onSubmit: (form: FormData) => Promise<unknown>;
  onOpen?: () => void;
  children: React.ReactNode;
};

/** A button that opens a small form in a dialog: for actions that need a level, a person or a reason. */
export function FormModal({ buttonLabel, buttonProps, title, submitLabel, pending, error, onSubmit, onOpen, children }: Props) {
  const { t } = useTranslation();
  const [opened, { open, close }] = useDisclosure(false);
  const submit = (event: React.FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    onSubmit(new FormData(event.currentTarget)).then(close, () => undefined);
  };
  return (
    <>
      <Button
        variant="default"
        size="sm"
        {...buttonProps}
        onClick={() => {
          onOpen?.();
          open();
        }}
      >
        {buttonLabel}
      </Button>
      <Modal opened={opened} onClose={close} title={title} closeButtonProps={{ 'aria-label': t('common.close') }}>
        <form onSubmit={submit}>
          <Stack gap="sm">
            <FormError error={error} />
            {children}
            <Group justify="flex-end">
              <Button variant="default" onClick={close}>
                {t('common.cancel')}
              </Button>
              <Button type="submit" loading={pending}>
                {submitLabel}
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </>
  );
}

/** A text field of a submitted form, trimmed; empty as undefined. */
export function formText(form: FormData, name: string): string | undefined {
  const value = form.get(name);
  return typeof value === 'string' && value.trim() ? value.trim() : undefined;
}
