import { Suspense } from 'react';
import { createBrowserRouter, RouterProvider } from 'react-router';
import { RequireRole } from './auth/RequireRole';
import { ROLES } from './auth/session';
import { NotFoundPage } from './portal/NotFoundPage';
import { PortalLayout } from './portal/PortalLayout';
import { PUBLIC_ROUTES, SIGN_IN_PAGE, STAFF_ROUTES, STAFF_SHELL } from './routes';
import { Loading } from './ui/Loading';

const SignIn = SIGN_IN_PAGE;
const StaffShell = STAFF_SHELL;

const router = createBrowserRouter([
  {
    element: <PortalLayout />,
    children: [
      ...PUBLIC_ROUTES.map(({ path, page: Page }) => ({ path, element: <Page /> })),
      { path: '/staff/sign-in', element: <SignIn /> },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
  {
    path: '/staff',
    element: (
      <Suspense fallback={<Loading />}>
        <RequireRole roles={ROLES}>
          <StaffShell />
        </RequireRole>
      </Suspense>
    ),
    children: STAFF_ROUTES.map(({ path, page: Page, roles }) => {
      const element = (
        <RequireRole roles={roles}>
          <Page />
        </RequireRole>
      );
      return path === '' ? { index: true, element } : { path, element };
    }),
  },
]);

export function App() {
  return <RouterProvider router={router} />;
}
