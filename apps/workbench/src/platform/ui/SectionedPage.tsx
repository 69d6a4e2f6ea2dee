import { Menu } from 'antd';
import type { ReactNode } from 'react';
import { usePageTab } from '../navigation';
import './sectioned-page.css';

export interface PageSection {
  /** Menu key; test ids are `<testId>-menu-<key>` and `<testId>-section-<key>`. */
  key: string;
  icon: ReactNode;
  label: string;
  content: ReactNode;
}

/**
 * An admin page with a menu of sections on the left (设置, 自动化…); adding a section needs no other change. The section
 * is in the address (/settings/webhooks), so a link or a reload opens it.
 */
export function SectionedPage({
  title,
  icon,
  sections,
  testId,
}: {
  title: string;
  icon: ReactNode;
  sections: PageSection[];
  testId: string;
}) {
  const [active, setActive] = usePageTab(sections[0]?.key ?? '');
  const section = sections.find((s) => s.key === active) ?? sections[0];
  return (
    <main className="sectioned-page" data-testid={`page-${testId}`}>
      <div className="sectioned-layout">
        <aside className="sectioned-menu">
          <div className="sectioned-menu-title">
            {icon} {title}
          </div>
          <Menu
            mode="inline"
            selectedKeys={section ? [section.key] : []}
            onClick={({ key }) => setActive(key)}
            items={sections.map((s) => ({
              key: s.key,
              icon: s.icon,
              label: <span data-testid={`${testId}-menu-${s.key}`}>{s.label}</span>,
            }))}
          />
        </aside>
        {section && (
          <section className="sectioned-content" data-testid={`${testId}-section-${section.key}`}>
            <h2 className="sectioned-title">{section.label}</h2>
            {section.content}
          </section>
        )}
      </div>
    </main>
  );
}
