export { type LicenseGetFilters, type LicenseListFilters, LicensesApi } from "./licenses-api.js";
