import { addAddress } from './add-address.ts';
import { adminEraseCustomer } from './admin-erase-customer.ts';
import { adminExportCustomer } from './admin-export-customer.ts';
import { changeGroupMembers } from './change-group-members.ts';
import { createCustomerGroup } from './create-customer-group.ts';
import { deleteAddress } from './delete-address.ts';
import { deleteCustomerGroup } from './delete-customer-group.ts';
import { eraseMe } from './erase-me.ts';
import { exportMe } from './export-me.ts';
import { getCustomerAdmin } from './get-customer-admin.ts';
import { getCustomerGroup } from './get-customer-group.ts';
import { getMe } from './get-me.ts';
import { listAddresses } from './list-addresses.ts';
import { listCustomerGroups } from './list-customer-groups.ts';
import { listGroupMembers } from './list-group-members.ts';
import { updateAddress } from './update-address.ts';
import { updateCustomerGroup } from './update-customer-group.ts';
import { updateMe } from './update-me.ts';

/**
 * The operations of the `customers` function: the signed-in customer's profile and address book, and the
 * back office's customer groups (admin access; on this function rather than a new one, since they read
 * and write the same items with the same grants).
 */
export const customerOperations = [
  getMe,
  updateMe,
  exportMe,
  eraseMe,
  listAddresses,
  addAddress,
  updateAddress,
  deleteAddress,
  createCustomerGroup,
  listCustomerGroups,
  getCustomerGroup,
  updateCustomerGroup,
  deleteCustomerGroup,
  changeGroupMembers,
  listGroupMembers,
  getCustomerAdmin,
  adminExportCustomer,
  adminEraseCustomer,
];
