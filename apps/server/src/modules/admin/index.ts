export { adminRoutes as adminPlugin } from './admin.routes';
