import { Button, Group, Modal, Text, type ButtonProps } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';

type Props = ButtonProps & {
  /** Accessible name of the button when its visible label is ambiguous in a table row. */
  ariaLabel?: string;
  title: string;
  question: string;
  confirmLabel: string;
  onConfirm: () => void;
};

/** A destructive action that asks before it acts. */
export function ConfirmButton({ ariaLabel, title, question, confirmLabel, onConfirm, children, ...buttonProps }: Props) {
  const { t } = useTranslation();
  const [opened, { open, close }] = useDisclosure(false);
  return (
    <>
      <Button variant="light" color="red" size="xs" aria-label={ariaLabel} onClick={open} {...buttonProps}>
        {children}
      </Button>
      <Modal opened={opened} onClose={close} title={title} closeButtonProps={{ 'aria-label': t('common.close') }}>
        <Text mb="lg">{question}</Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>
            {t('common.cancel')}
          </Button>
          <Button
            color="red"
            onClick={() => {
              close();
              onConfirm();
            }}
          >
            {confirmLabel}
          </Button>
        </Group>
      </Modal>
    </>
  );
}
