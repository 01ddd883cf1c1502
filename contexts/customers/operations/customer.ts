import { addAddress } from './add-address.ts';
import { deleteAddress } from './delete-address.ts';
import { getMe } from './get-me.ts';
import { listAddresses } from './list-addresses.ts';
import { updateAddress } from './update-address.ts';
import { updateMe } from './update-me.ts';

/** The operations of the `customers` function: the signed-in customer's profile and address book. */
export const customerOperations = [getMe, updateMe, listAddresses, addAddress, updateAddress, deleteAddress];
