import { Button, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { navigate, paths } from '../platform/navigation';
import './not-found.css';
import './routes.locales';

/** An address the workbench does not know: say so kindly, with the way home. */
export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <main className="not-found-page" data-testid="page-not-found">
      <Result
        status="404"
        title={t('notFound.title')}
        subTitle={t('notFound.hint')}
        extra={
          <Button
            type="primary"
            href={paths.workbench}
            onClick={(event) => {
              event.preventDefault(); // a real link (open in a new tab works), followed without reloading the app
              navigate(paths.workbench);
            }}
            data-testid="not-found-home"
          >
            {t('notFound.home')}
          </Button>
        }
      />
    </main>
  );
}
