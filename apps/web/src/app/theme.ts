import { Anchor, createTheme, type CSSVariablesResolver } from '@mantine/core';

/** Shade 8 keeps white text on filled buttons above the WCAG AA contrast of 4.5:1 in both schemes. */
export const theme = createTheme({
  primaryColor: 'blue',
  primaryShade: { light: 8, dark: 8 },
  defaultRadius: 'md',
  cursorType: 'pointer',
  components: {
    // Links inside running text must not rely on colour alone.
    Anchor: Anchor.extend({ defaultProps: { underline: 'always' } }),
  },
});

/** Mantine's default dimmed, error and placeholder greys, and its light teal, yellow, orange and grape text, fall short of AA contrast. */
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': 'var(--mantine-color-gray-7)',
    '--mantine-color-error': 'var(--mantine-color-red-9)',
    '--mantine-color-placeholder': 'var(--mantine-color-gray-7)',
    '--mantine-color-teal-light-color': '#066649',
    '--mantine-color-yellow-light-color': '#6b4200',
    '--mantine-color-orange-light-color': '#8a3a00',
    '--mantine-color-grape-light-color': '#7a1f8f',
  },
  dark: {
    '--mantine-color-dimmed': 'var(--mantine-color-dark-1)',
    '--mantine-color-error': 'var(--mantine-color-red-4)',
    '--mantine-color-placeholder': 'var(--mantine-color-dark-1)',
  },
});
