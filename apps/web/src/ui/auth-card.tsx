import { Paper, Stack, Title } from '@mantine/core';

/** The framed card that holds each sign-in, registration and recovery form. */
export function AuthCard({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <Paper withBorder shadow="sm" p={{ base: 'md', xs: 'xl' }} radius="md">
      <Stack gap="md">
        <Title order={1} size="h2">
          {title}
        </Title>
        {children}
      </Stack>
    </Paper>
  );
}
