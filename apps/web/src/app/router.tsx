import { createBrowserRouter } from 'react-router';
import { AccountPage } from '../account/account-page';
import { SecurityPage } from '../account/security-page';
import { AdminAuditPage } from '../admin/admin-audit-page';
import { AdminHome } from '../admin/admin-home';
import { AdminOrgsPage } from '../admin/admin-orgs-page';
import { CasePage } from '../cases/case-page';
import { CaseloadPage } from '../cases/caseload-page';
import { AlertPage } from '../crisis/alert-page';
import { AlertsPage } from '../crisis/alerts-page';
import { CrisisPage } from '../crisis/crisis-page';
import { SafetyPlanPage } from '../crisis/safety-plan-page';
import { MyCarePage } from '../cases/my-care-page';
import { NewCasePage } from '../cases/new-case-page';
import { MailMessagePage } from '../admin/mail-message-page';
import { MailboxPage } from '../admin/mailbox-page';
import { FormFillPage } from '../forms/form-fill-page';
import { FormsPage } from '../forms/forms-page';
import { MyFormsPage } from '../forms/my-forms-page';
import { ForgotPasswordPage } from '../auth/forgot-password-page';
import { GuestOnly } from '../auth/guest-only';
import { MfaChallengePage } from '../auth/mfa-challenge-page';
import { RegisterPage } from '../auth/register-page';
import { RequireAuth } from '../auth/require-auth';
import { RequireRole } from '../auth/require-role';
import { ResetPasswordPage } from '../auth/reset-password-page';
import { RootRedirect } from '../auth/root-redirect';
import { SignInPage } from '../auth/sign-in-page';
import { ClientHome } from '../homes/client-home';
import { EapHome } from '../homes/eap-home';
import { SpecialistHome } from '../homes/specialist-home';
import { WelcomePage } from '../homes/welcome-page';
import { GroundingPage } from '../grounding/grounding-page';
import { AcceptInvitationPage } from '../invitations/accept-invitation-page';
import { InvitationsPage } from '../org/invitations-page';
import { MembersPage } from '../org/members-page';
import { OrgAuditPage } from '../org/org-audit-page';
import { OrgHome } from '../org/org-home';
import { OrgSettingsPage } from '../org/org-settings-page';
import { AppLayout } from '../shell/app-layout';
import { ConversationsPage } from '../messaging/conversations-page';
import { MessagesPage } from '../messaging/messages-page';
import { NotePage } from '../notes/note-page';
import { NoteTemplatesPage } from '../notes/note-templates-page';
import { NotificationSettingsPage } from '../notifications/notification-settings-page';
import { NotificationsPage } from '../notifications/notifications-page';
import { NotFoundPage } from '../shell/not-found-page';
import { ErasureReviewPage } from '../privacy/erasure-review-page';
import { MyConsentsPage } from '../consent/my-consents-page';
import { MyDataPage } from '../privacy/my-data-page';
import { RecordAccessPage } from '../privacy/record-access-page';
import { MyGoalsPage } from '../treatment-plan/my-goals-page';
import { MyHomeworkPage } from '../homework/my-homework-page';
import { AfterPage } from '../sessions/after/after-page';
import { FeedbackPage } from '../sessions/after/feedback-page';
import { PublicLayout } from '../shell/public-layout';
import { SessionRoomPage } from '../sessions/room/session-room-page';
import { AvailabilityPage } from '../scheduling/availability-page';
import { BookingPage } from '../scheduling/booking-page';
import { MyAppointmentsPage } from '../scheduling/my-appointments-page';
import { MySpecialistsPage } from '../scheduling/my-specialists-page';

export const router = createBrowserRouter([
  { path: '/', element: <RootRedirect /> },
  {
    element: <PublicLayout />,
    children: [
      {
        element: <GuestOnly />,
        children: [
          { path: '/sign-in', element: <SignInPage /> },
          { path: '/sign-in/2fa', element: <MfaChallengePage /> },
          { path: '/register', element: <RegisterPage /> },
          { path: '/forgot-password', element: <ForgotPasswordPage /> },
        ],
      },
      { path: '/reset-password', element: <ResetPasswordPage /> },
      { path: '/invitations/accept', element: <AcceptInvitationPage /> },
      // Public and offline on purpose: nobody is kept from a calming exercise, signed in or not.
      { path: '/calm', element: <GroundingPage /> },
    ],
  },
  {
    element: <RequireAuth />,
    children: [
      {
        element: <AppLayout />,
        children: [
          { path: '/welcome', element: <WelcomePage /> },
          { path: '/account', element: <AccountPage /> },
          { path: '/account/security', element: <SecurityPage /> },
          { path: '/account/notifications', element: <NotificationSettingsPage /> },
          { path: '/crisis', element: <CrisisPage /> },
          { path: '/notifications', element: <NotificationsPage /> },
          // Both of a session's people: the server answers by who is asking.
          { path: '/sessions/:id', element: <SessionRoomPage /> },
          // A shared booking link: anyone signed in lands here and, if not a client of that practice, is told why they cannot book.
          { path: '/book/:specialistId', element: <BookingPage /> },
          {
            element: <RequireRole platformAdmin />,
            children: [
              { path: '/admin', element: <AdminHome /> },
              { path: '/admin/orgs', element: <AdminOrgsPage /> },
              { path: '/admin/audit', element: <AdminAuditPage /> },
              { path: '/admin/mail', element: <MailboxPage /> },
              { path: '/admin/mail/:mailId', element: <MailMessagePage /> },
            ],
          },
          {
            element: <RequireRole roles={['org_admin']} />,
            children: [
              { path: '/org', element: <OrgHome /> },
              { path: '/org/invitations', element: <InvitationsPage /> },
              { path: '/org/audit', element: <OrgAuditPage /> },
              { path: '/org/settings', element: <OrgSettingsPage /> },
              { path: '/org/note-templates', element: <NoteTemplatesPage /> },
              { path: '/org/erasure-requests', element: <ErasureReviewPage /> },
            ],
          },
          {
            element: <RequireRole roles={['org_admin', 'supervisor']} />,
            children: [{ path: '/org/members', element: <MembersPage /> }],
          },
          {
            element: <RequireRole roles={['specialist', 'co_specialist', 'supervisor']} />,
            children: [{ path: '/specialist', element: <SpecialistHome /> }],
          },
          {
            element: <RequireRole roles={['specialist', 'co_specialist']} />,
            children: [{ path: '/sessions/:id/after', element: <AfterPage /> }],
          },
          {
            element: <RequireRole roles={['specialist']} />,
            children: [
              { path: '/calendar', lazy: async () => ({ Component: (await import('../scheduling/calendar-page')).CalendarPage }) },
              { path: '/availability', element: <AvailabilityPage /> },
            ],
          },
          {
            element: <RequireRole roles={['specialist', 'co_specialist', 'supervisor', 'org_admin']} />,
            children: [
              { path: '/cases', element: <CaseloadPage /> },
              { path: '/conversations', element: <ConversationsPage /> },
              { path: '/cases/new', element: <NewCasePage /> },
              { path: '/cases/:caseId', element: <CasePage /> },
              { path: '/cases/:caseId/notes/:noteId', element: <NotePage /> },
              { path: '/crisis/alerts', element: <AlertsPage /> },
              { path: '/forms', element: <FormsPage /> },
              { path: '/crisis/alerts/:alertId', element: <AlertPage /> },
            ],
          },
          { element: <RequireRole roles={['eap_manager']} />, children: [{ path: '/eap', element: <EapHome /> }] },
          {
            element: <RequireRole roles={['client']} />,
            children: [
              { path: '/client', element: <ClientHome /> },
              { path: '/my-care', element: <MyCarePage /> },
              { path: '/book', element: <MySpecialistsPage /> },
              { path: '/my-appointments', element: <MyAppointmentsPage /> },
              // The link of a waitlist offer's notification: the offer is accepted in the waitlist on this page.
              { path: '/waitlist/offers/:offerId', element: <MyAppointmentsPage /> },
              { path: '/messages', element: <MessagesPage /> },
              { path: '/safety-plan', element: <SafetyPlanPage /> },
              { path: '/my-forms', element: <MyFormsPage /> },
              { path: '/my-goals', element: <MyGoalsPage /> },
              { path: '/my-homework', element: <MyHomeworkPage /> },
              { path: '/sessions/:id/feedback', element: <FeedbackPage /> },
              { path: '/my-consents', element: <MyConsentsPage /> },
              { path: '/privacy', element: <MyDataPage /> },
              { path: '/privacy/record-access', element: <RecordAccessPage /> },
              { path: '/forms/:assignmentId', element: <FormFillPage /> },
            ],
          },
        ],
      },
    ],
  },
  { path: '*', element: <NotFoundPage /> },
]);
