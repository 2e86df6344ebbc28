import { Anchor, Text } from '@mantine/core';

const urlPattern = /(https?:\/\/[^\s<>"']+)/g;
const trailingPunctuation = /[.,;:!?)\]]+$/;

/** Plain text whose web addresses become links; never renders the text as HTML. */
export function LinkifiedText({ text }: { text: string }) {
  const parts = text.split(urlPattern);
  return (
    <Text component="div" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
      {parts.map((part, index) => {
        if (index % 2 === 0) return part;
        const trailing = trailingPunctuation.exec(part)?.[0] ?? '';
        const url = part.slice(0, part.length - trailing.length);
        return (
          <span key={index}>
            <Anchor href={url}>{url}</Anchor>
            {trailing}
          </span>
        );
      })}
    </Text>
  );
}
