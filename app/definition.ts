import type { AppDefinition } from './types.ts';

/** How long a checkout waits for its payment before it expires (15 minutes; the local cloud shortens it). */
const PAYMENT_TIMEOUT_SECONDS = '900';

/**
 * The application definition. Adding an endpoint is one entry in `functions`, one in `routes`, and the
 * handler file; both clouds pick it up from here.
 */
export const app = {
  name: 'commerce',

  // Cognito calls this after a customer confirms sign-up; it creates the same profile record that a
  // first authenticated API call would (there is no sign-up locally, so only AWS calls it).
  userPoolTriggers: { postConfirmation: 'customerPostConfirmation' },

  table: {
    partitionKey: 'pk',
    sortKey: 'sk',
    gsis: [
      { name: 'gsi1', partitionKey: 'gsi1pk', sortKey: 'gsi1sk' },
      { name: 'gsi2', partitionKey: 'gsi2pk', sortKey: 'gsi2sk' },
    ],
    ttlAttribute: 'expiresAt',
    stream: 'NEW_AND_OLD_IMAGES',
  },

  // Secrets whose values ops put in (AWS Secrets Manager; locally served by local/secretsmanager).
  externalSecrets: {
    stripe: {
      description: 'Stripe API keys and webhook signing secret (docs/payments.md)',
      fields: ['secretKey', 'publishableKey', 'webhookSecret'],
    },
  },

  // Browsers on other origins (a storefront) may call the API. Tokens travel in `Authorization`, never
  // in cookies, so credentials stay off and any origin is safe here; the CDK stack narrows the origins
  // per stage (`-c corsOrigins=`). A preflight is caught by `$default` (public `notFound`: 204).
  cors: {
    allowOrigins: ['*'],
    allowMethods: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'],
    // `stripe-signature` is absent on purpose: Stripe calls the webhook server to server.
    allowHeaders: ['authorization', 'content-type', 'idempotency-key', 'x-cart-token', 'x-order-token'],
    exposeHeaders: ['location', 'idempotent-replayed'],
    maxAgeSeconds: 600,
  },

  functions: {
    health: {
      entry: 'contexts/system/lambda/health.ts',
      description: 'Liveness and table reachability',
      memoryMb: 256,
      timeoutSeconds: 5,
      uses: { table: 'read' },
    },
    openApi: {
      entry: 'contexts/system/lambda/openapi.ts',
      description: 'The OpenAPI 3.1 document, generated from the zod schemas',
      memoryMb: 256,
      timeoutSeconds: 10,
    },
    apiReference: {
      entry: 'contexts/system/lambda/docs.ts',
      description: 'The API reference page (Swagger UI, served from the bundle: no CDN)',
      memoryMb: 128,
      timeoutSeconds: 5,
    },
    apiReferenceAsset: {
      entry: 'contexts/system/lambda/docs-asset.ts',
      description: "The reference page's scripts and stylesheet (allow-listed, gzipped, ETag)",
      memoryMb: 256,
      timeoutSeconds: 10,
    },
    listProducts: {
      entry: 'contexts/catalog/lambda/list-products.ts',
      description: 'Store: one page of active products',
      memoryMb: 512,
      timeoutSeconds: 10,
      uses: { table: 'read', secrets: ['cursorKey'] },
    },
    getProduct: {
      entry: 'contexts/catalog/lambda/get-product.ts',
      description: 'Store: one active product with its variants and prices',
      memoryMb: 512,
      timeoutSeconds: 10,
      uses: { table: 'read' },
    },
    adminGetProduct: {
      entry: 'contexts/catalog/lambda/admin-get-product.ts',
      description: 'Admin: one product in any status',
      memoryMb: 512,
      timeoutSeconds: 10,
      uses: { table: 'read' },
    },
    getProductBySlug: {
      entry: 'contexts/catalog/lambda/get-product-by-slug.ts',
      description: 'Store: one active product by its slug',
      memoryMb: 512,
      timeoutSeconds: 10,
      uses: { table: 'read' },
    },
    listCategories: {
      entry: 'contexts/catalog/lambda/list-categories.ts',
      description: 'Store: the category tree',
      memoryMb: 512,
      timeoutSeconds: 10,
      uses: { table: 'read' },
    },
    listCategoryProducts: {
      entry: 'contexts/catalog/lambda/list-category-products.ts',
      description: 'Store: one page of active products in a category',
      memoryMb: 512,
      timeoutSeconds: 10,
      uses: { table: 'read', secrets: ['cursorKey'] },
    },
    adminCreateCategory: {
      entry: 'contexts/catalog/lambda/admin-create-category.ts',
      description: 'Admin: create a category',
      memoryMb: 512,
      timeoutSeconds: 10,
      uses: { table: 'readWrite' },
    },
    adminUpdateCategory: {
      entry: 'contexts/catalog/lambda/admin-update-category.ts',
      description: 'Admin: rename, reorder or move a category',
      memoryMb: 512,
      timeoutSeconds: 10,
      uses: { table: 'readWrite' },
    },
    adminDeleteCategory: {
      entry: 'contexts/catalog/lambda/admin-delete-category.ts',
      description: 'Admin: delete an empty leaf category',
      memoryMb: 512,
      timeoutSeconds: 10,
      uses: { table: 'readWrite' },
    },
    adminCreateProduct: {
      entry: 'contexts/catalog/lambda/admin-create-product.ts',
      description: 'Admin: create a draft product with options, variants and prices',
      memoryMb: 512,
      timeoutSeconds: 10,
      uses: { table: 'readWrite' },
    },
    adminUpdateProduct: {
      entry: 'contexts/catalog/lambda/admin-update-product.ts',
      description: 'Admin: change a product (optimistic concurrency on version)',
      memoryMb: 512,
      timeoutSeconds: 10,
      uses: { table: 'readWrite' },
    },
    adminPublishProduct: {
      entry: 'contexts/catalog/lambda/admin-publish-product.ts',
      description: 'Admin: publish a product (draft or archived → active)',
      memoryMb: 512,
      timeoutSeconds: 10,
      uses: { table: 'readWrite' },
    },
    adminArchiveProduct: {
      entry: 'contexts/catalog/lambda/admin-archive-product.ts',
      description: 'Admin: archive a product (it leaves the store)',
      memoryMb: 512,
      timeoutSeconds: 10,
      uses: { table: 'readWrite' },
    },
    adminDeleteProduct: {
      entry: 'contexts/catalog/lambda/admin-delete-product.ts',
      description: 'Admin: delete a draft or archived product',
      memoryMb: 512,
      timeoutSeconds: 10,
      uses: { table: 'readWrite' },
    },
    adminAddVariant: {
      entry: 'contexts/catalog/lambda/admin-add-variant.ts',
      description: 'Admin: add a variant to a product',
      memoryMb: 512,
      timeoutSeconds: 10,
      uses: { table: 'readWrite' },
    },
    adminUpdateVariant: {
      entry: 'contexts/catalog/lambda/admin-update-variant.ts',
      description: 'Admin: change a variant (SKU, options, prices)',
      memoryMb: 512,
      timeoutSeconds: 10,
      uses: { table: 'readWrite' },
    },
    adminDeleteVariant: {
      entry: 'contexts/catalog/lambda/admin-delete-variant.ts',
      description: 'Admin: remove a variant',
      memoryMb: 512,
      timeoutSeconds: 10,
      uses: { table: 'readWrite' },
    },
    adminSetSalePrices: {
      entry: 'contexts/catalog/lambda/admin-set-sale-prices.ts',
      description: 'Admin: replace the sale prices (price-list entries) of a variant',
      memoryMb: 512,
      timeoutSeconds: 10,
      uses: { table: 'readWrite' },
    },
    adminImportProducts: {
      entry: 'contexts/catalog/lambda/admin-import-products.ts',
      description: 'Admin: bulk import of products (JSON Lines or CSV), one transaction per product',
      memoryMb: 1024,
      // API Gateway's integration timeout is 30 s; an import of the 500-product cap takes a few seconds.
      timeoutSeconds: 29,
      uses: { table: 'readWrite' },
    },
    adminListProducts: {
      entry: 'contexts/catalog/lambda/admin-list-products.ts',
      description: 'Admin: one page of products in a status (draft, active, archived)',
      memoryMb: 512,
      timeoutSeconds: 10,
      uses: { table: 'read', secrets: ['cursorKey'] },
    },
    adminProductAudit: {
      entry: 'contexts/catalog/lambda/admin-product-audit.ts',
      description: 'Admin: the audit trail of a product, newest first',
      memoryMb: 512,
      timeoutSeconds: 10,
      uses: { table: 'read', secrets: ['cursorKey'] },
    },
    getMe: {
      entry: 'contexts/customers/lambda/get-me.ts',
      description: 'Customer: own profile with addresses, created on the first call',
      memoryMb: 256,
      timeoutSeconds: 5,
      uses: { table: 'readWrite' },
    },
    updateMe: {
      entry: 'contexts/customers/lambda/update-me.ts',
      description: 'Customer: change own profile (optimistic concurrency on version)',
      memoryMb: 256,
      timeoutSeconds: 5,
      uses: { table: 'readWrite' },
    },
    listAddresses: {
      entry: 'contexts/customers/lambda/list-addresses.ts',
      description: 'Customer: own addresses',
      memoryMb: 256,
      timeoutSeconds: 5,
      uses: { table: 'readWrite' },
    },
    addAddress: {
      entry: 'contexts/customers/lambda/add-address.ts',
      description: 'Customer: add an address (limit 20, Idempotency-Key honoured)',
      memoryMb: 256,
      timeoutSeconds: 5,
      uses: { table: 'readWrite' },
    },
    updateAddress: {
      entry: 'contexts/customers/lambda/update-address.ts',
      description: 'Customer: change an own address (optimistic concurrency on version)',
      memoryMb: 256,
      timeoutSeconds: 5,
      uses: { table: 'readWrite' },
    },
    deleteAddress: {
      entry: 'contexts/customers/lambda/delete-address.ts',
      description: 'Customer: delete an own address',
      memoryMb: 256,
      timeoutSeconds: 5,
      uses: { table: 'readWrite' },
    },
    customerPostConfirmation: {
      // Not routed: the Cognito user pool's post-confirmation trigger (wired in infra/auth.ts).
      entry: 'contexts/customers/lambda/post-confirmation.ts',
      description: 'Cognito post-confirmation trigger: creates the customer profile with the sign-up email',
      memoryMb: 256,
      timeoutSeconds: 5,
      uses: { table: 'readWrite' },
    },
    notFound: {
      entry: 'contexts/system/lambda/not-found.ts',
      description: 'Answers every unmatched route with a 404 problem',
      memoryMb: 256,
      timeoutSeconds: 5,
    },
    outboxRelay: {
      entry: 'contexts/system/lambda/outbox-relay.ts',
      description: 'Pipe target: puts outbox records from the table stream on the event bus',
      memoryMb: 256,
      timeoutSeconds: 30,
      uses: { bus: true },
    },
    catalogEventsConsumer: {
      entry: 'contexts/catalog/lambda/catalog-events-consumer.ts',
      description: 'Consumes catalog events idempotently (records each event id once)',
      memoryMb: 256,
      timeoutSeconds: 20,
      uses: { table: 'readWrite' },
    },
    catalogListingProjector: {
      entry: 'contexts/catalog/lambda/listing-projector.ts',
      description: 'Rebuilds a product’s store listing entries after each product event',
      memoryMb: 512,
      timeoutSeconds: 30,
      uses: { table: 'readWrite' },
    },
    recordTaskToken: {
      entry: 'contexts/system/lambda/record-task-token.ts',
      description: 'Stores a Step Functions task token so a later call can resume the execution',
      memoryMb: 256,
      timeoutSeconds: 10,
      uses: { table: 'readWrite' },
    },
    // --- inventory (docs/inventory.md) ---
    adminGetStock: {
      entry: 'contexts/inventory/lambda/admin-get-stock.ts',
      description: 'Admin: a variant’s stock per location, threshold and shard count',
      memoryMb: 512,
      timeoutSeconds: 10,
      uses: { table: 'read' },
    },
    adminPutStock: {
      entry: 'contexts/inventory/lambda/admin-put-stock.ts',
      description: 'Admin: set on-hand per location, low-stock threshold and stock shards',
      memoryMb: 512,
      timeoutSeconds: 30,
      uses: { table: 'readWrite' },
    },
    adminAdjustStock: {
      entry: 'contexts/inventory/lambda/admin-adjust-stock.ts',
      description: 'Admin: a stock adjustment (receipt, correction, shrinkage, return)',
      memoryMb: 512,
      timeoutSeconds: 10,
      uses: { table: 'readWrite' },
    },
    adminListStockLocations: {
      entry: 'contexts/inventory/lambda/admin-list-locations.ts',
      description: 'Admin: every stock location',
      memoryMb: 512,
      timeoutSeconds: 10,
      uses: { table: 'read' },
    },
    adminCreateStockLocation: {
      entry: 'contexts/inventory/lambda/admin-create-location.ts',
      description: 'Admin: create a stock location',
      memoryMb: 512,
      timeoutSeconds: 10,
      uses: { table: 'readWrite' },
    },
    adminGetStockLocation: {
      entry: 'contexts/inventory/lambda/admin-get-location.ts',
      description: 'Admin: one stock location',
      memoryMb: 512,
      timeoutSeconds: 10,
      uses: { table: 'read' },
    },
    adminUpdateStockLocation: {
      entry: 'contexts/inventory/lambda/admin-update-location.ts',
      description: 'Admin: change or (de)activate a stock location',
      memoryMb: 512,
      timeoutSeconds: 10,
      uses: { table: 'readWrite' },
    },
    adminListReservations: {
      entry: 'contexts/inventory/lambda/admin-list-reservations.ts',
      description: 'Support: reservations of an order or cart, or held ones expiring soonest',
      memoryMb: 512,
      timeoutSeconds: 10,
      uses: { table: 'read' },
    },
    expireReservations: {
      // Not routed: the expiry sweep, run by the `inventoryExpiry` schedule.
      entry: 'contexts/inventory/lambda/expire-reservations.ts',
      description: 'Releases held stock reservations past their expiry (ReservationExpired)',
      memoryMb: 512,
      timeoutSeconds: 60,
      uses: { table: 'readWrite' },
    },
    stockAlerts: {
      // Not routed: the `stockAlerts` pipe's target.
      entry: 'contexts/inventory/lambda/stock-alerts.ts',
      description: 'Pipe target: emits LowStock/OutOfStock once per crossing of a variant total',
      memoryMb: 256,
      timeoutSeconds: 30,
      uses: { table: 'readWrite' },
    },
    // --- end inventory ---
    // --- promotions (docs/pricing.md) ---
    adminCreatePromotion: {
      entry: 'contexts/pricing/lambda/admin-create-promotion.ts',
      description: 'Admin: create a promotion (its code reserved in the same transaction)',
      memoryMb: 256,
      timeoutSeconds: 10,
      uses: { table: 'readWrite' },
    },
    adminListPromotions: {
      entry: 'contexts/pricing/lambda/admin-list-promotions.ts',
      description: 'Admin: one page of promotions, newest first',
      memoryMb: 256,
      timeoutSeconds: 10,
      uses: { table: 'read', secrets: ['cursorKey'] },
    },
    adminGetPromotion: {
      entry: 'contexts/pricing/lambda/admin-get-promotion.ts',
      description: 'Admin: one promotion with its redemption count',
      memoryMb: 256,
      timeoutSeconds: 10,
      uses: { table: 'read' },
    },
    adminUpdatePromotion: {
      entry: 'contexts/pricing/lambda/admin-update-promotion.ts',
      description: 'Admin: change a promotion (optimistic concurrency on version)',
      memoryMb: 256,
      timeoutSeconds: 10,
      uses: { table: 'readWrite' },
    },
    adminDeletePromotion: {
      entry: 'contexts/pricing/lambda/admin-delete-promotion.ts',
      description: 'Admin: delete a promotion and free its code',
      memoryMb: 256,
      timeoutSeconds: 10,
      uses: { table: 'readWrite' },
    },
    promotionUsageMonitor: {
      // Not routed: the `promotionUsage` pipe's target.
      entry: 'contexts/pricing/lambda/usage-monitor.ts',
      description: 'Pipe target: emits PromotionUsageExhausted once per reaching of a usage limit',
      memoryMb: 256,
      timeoutSeconds: 30,
      uses: { table: 'readWrite' },
    },
    // --- end promotions ---
    // --- shipping and tax settings (docs/pricing.md) ---
    adminListShippingOptions: {
      entry: 'contexts/pricing/lambda/admin-list-shipping-options.ts',
      description: 'Admin: every shipping option',
      memoryMb: 256,
      timeoutSeconds: 10,
      uses: { table: 'read' },
    },
    adminCreateShippingOption: {
      entry: 'contexts/pricing/lambda/admin-create-shipping-option.ts',
      description: 'Admin: create a shipping option (Idempotency-Key honoured)',
      memoryMb: 256,
      timeoutSeconds: 10,
      uses: { table: 'readWrite' },
    },
    adminGetShippingOption: {
      entry: 'contexts/pricing/lambda/admin-get-shipping-option.ts',
      description: 'Admin: one shipping option',
      memoryMb: 256,
      timeoutSeconds: 10,
      uses: { table: 'read' },
    },
    adminReplaceShippingOption: {
      entry: 'contexts/pricing/lambda/admin-replace-shipping-option.ts',
      description: 'Admin: replace a shipping option (optimistic concurrency on version)',
      memoryMb: 256,
      timeoutSeconds: 10,
      uses: { table: 'readWrite' },
    },
    adminDeleteShippingOption: {
      entry: 'contexts/pricing/lambda/admin-delete-shipping-option.ts',
      description: 'Admin: delete a shipping option',
      memoryMb: 256,
      timeoutSeconds: 10,
      uses: { table: 'readWrite' },
    },
    adminGetTaxSettings: {
      entry: 'contexts/pricing/lambda/admin-get-tax-settings.ts',
      description: 'Admin: the tax settings (rate table, price modes), or the built-in default',
      memoryMb: 256,
      timeoutSeconds: 10,
      uses: { table: 'read' },
    },
    adminPutTaxSettings: {
      entry: 'contexts/pricing/lambda/admin-put-tax-settings.ts',
      description: 'Admin: replace the tax settings (optimistic concurrency on version)',
      memoryMb: 256,
      timeoutSeconds: 10,
      uses: { table: 'readWrite' },
    },
    // --- end shipping and tax settings ---
    // --- carts (docs/cart.md) ---
    createCart: {
      entry: 'contexts/carts/lambda/create-cart.ts',
      description: 'Store: start a cart (a guest gets its token once)',
      memoryMb: 512,
      timeoutSeconds: 10,
      uses: { table: 'readWrite' },
    },
    getCart: {
      entry: 'contexts/carts/lambda/get-cart.ts',
      description: 'Store: a cart repriced from current data',
      memoryMb: 512,
      timeoutSeconds: 10,
      uses: { table: 'read' },
    },
    addCartItem: {
      entry: 'contexts/carts/lambda/add-item.ts',
      description: 'Store: add units of a variant to a cart',
      memoryMb: 512,
      timeoutSeconds: 10,
      uses: { table: 'readWrite' },
    },
    updateCartItem: {
      entry: 'contexts/carts/lambda/update-item.ts',
      description: "Store: set a cart line's quantity",
      memoryMb: 512,
      timeoutSeconds: 10,
      uses: { table: 'readWrite' },
    },
    removeCartItem: {
      entry: 'contexts/carts/lambda/remove-item.ts',
      description: 'Store: remove a cart line',
      memoryMb: 512,
      timeoutSeconds: 10,
      uses: { table: 'readWrite' },
    },
    setCartEmail: {
      entry: 'contexts/carts/lambda/set-email.ts',
      description: "Store: set a cart's e-mail",
      memoryMb: 512,
      timeoutSeconds: 10,
      uses: { table: 'readWrite' },
    },
    setCartShippingAddress: {
      entry: 'contexts/carts/lambda/set-shipping-address.ts',
      description: "Store: set a cart's shipping address",
      memoryMb: 512,
      timeoutSeconds: 10,
      uses: { table: 'readWrite' },
    },
    listCartShippingOptions: {
      entry: 'contexts/carts/lambda/list-shipping-options.ts',
      description: 'Store: shipping options for a cart, each quoted',
      memoryMb: 512,
      timeoutSeconds: 10,
      uses: { table: 'read' },
    },
    setCartShippingMethod: {
      entry: 'contexts/carts/lambda/set-shipping-method.ts',
      description: "Store: choose a cart's shipping option",
      memoryMb: 512,
      timeoutSeconds: 10,
      uses: { table: 'readWrite' },
    },
    addCartPromotion: {
      entry: 'contexts/carts/lambda/add-promotion.ts',
      description: 'Store: enter a promotion code',
      memoryMb: 512,
      timeoutSeconds: 10,
      uses: { table: 'readWrite' },
    },
    removeCartPromotion: {
      entry: 'contexts/carts/lambda/remove-promotion.ts',
      description: 'Store: remove a promotion code',
      memoryMb: 512,
      timeoutSeconds: 10,
      uses: { table: 'readWrite' },
    },
    claimCart: {
      entry: 'contexts/carts/lambda/claim-cart.ts',
      description: 'Store: a signed-in customer takes over a guest cart',
      memoryMb: 512,
      timeoutSeconds: 10,
      uses: { table: 'readWrite' },
    },
    abandonedCarts: {
      // Not routed: the abandoned-cart sweep, run by the `abandonedCarts` schedule.
      entry: 'contexts/carts/lambda/abandoned-carts.ts',
      description: 'Reports open carts with an e-mail left idle (CartAbandoned) for marketing automation',
      memoryMb: 512,
      timeoutSeconds: 60,
      uses: { table: 'readWrite' },
      // A cart untouched this long counts as abandoned (one event per idle spell; a change re-arms it).
      environment: { ABANDONED_CART_IDLE_MINUTES: '60' },
    },
    // --- end carts ---
    // --- payments (docs/payments.md) ---
    stripeWebhook: {
      entry: 'contexts/payments/lambda/stripe-webhook.ts',
      description:
        'Stripe webhook: verifies the signature, records each payment result once, resumes the saga',
      memoryMb: 256,
      // Stripe waits up to ~10 s for an answer: a secret read (cached), one transaction, one resume.
      timeoutSeconds: 10,
      uses: { table: 'readWrite', externalSecrets: ['stripe'], taskTokens: ['checkoutPayment'] },
    },
    // --- end payments ---
    // --- checkout (docs/checkout.md) ---
    startCheckout: {
      entry: 'contexts/checkout/lambda/start-checkout.ts',
      description:
        'Store: checks a cart out (synchronous checkout workflow); answers the order and its PaymentIntent',
      memoryMb: 512,
      // The workflow: reprice + one transaction, start the saga, one Stripe call (retried on outage).
      timeoutSeconds: 29,
      uses: { stateMachines: ['checkout'] },
    },
    checkoutPlaceOrder: {
      // Not routed: a step of the `checkout` workflow.
      entry: 'contexts/checkout/lambda/place-order.ts',
      description:
        'Checkout step: reprice, then stock, order, promotion usage and cart close in one transaction',
      memoryMb: 1024,
      timeoutSeconds: 15,
      uses: { table: 'readWrite', secrets: ['orderTokenKey'] },
      // Sizes the stock hold (the wait plus 10 minutes); the same value as the saga's wait below.
      environment: { CHECKOUT_PAYMENT_TIMEOUT_SECONDS: PAYMENT_TIMEOUT_SECONDS },
    },
    checkoutOpenPayment: {
      entry: 'contexts/checkout/lambda/open-payment.ts',
      description: 'Checkout step: creates (once) or reads the order’s Stripe PaymentIntent',
      memoryMb: 512,
      timeoutSeconds: 15,
      uses: { table: 'readWrite', externalSecrets: ['stripe'] },
    },
    checkoutAwaitPayment: {
      entry: 'contexts/checkout/lambda/await-payment.ts',
      description: 'Payment saga: stores its task token, resumes itself if the payment result came first',
      memoryMb: 256,
      timeoutSeconds: 10,
      uses: { table: 'readWrite', taskTokens: ['checkoutPayment'] },
    },
    checkoutCompleteOrder: {
      entry: 'contexts/checkout/lambda/complete-order.ts',
      description: 'Payment saga: sells the held stock, marks the order paid, OrderPlaced (one transaction)',
      memoryMb: 512,
      timeoutSeconds: 15,
      uses: { table: 'readWrite' },
    },
    checkoutRelease: {
      entry: 'contexts/checkout/lambda/release-checkout.ts',
      description:
        'Checkout compensation: cancels or refunds the payment, releases stock and promotion usage',
      memoryMb: 512,
      timeoutSeconds: 20,
      uses: { table: 'readWrite', externalSecrets: ['stripe'] },
    },
    // --- end checkout ---
    // --- orders (docs/orders.md) ---
    getOrder: {
      entry: 'contexts/orders/lambda/get-order.ts',
      description: 'Store: one order for its owner (customer token, or a guest’s X-Order-Token)',
      memoryMb: 256,
      timeoutSeconds: 10,
      uses: { table: 'read' },
    },
    listMyOrders: {
      entry: 'contexts/orders/lambda/list-my-orders.ts',
      description: 'Customer: one page of own orders, newest first',
      memoryMb: 256,
      timeoutSeconds: 10,
      uses: { table: 'read', secrets: ['cursorKey'] },
    },
    adminListOrders: {
      entry: 'contexts/orders/lambda/admin-list-orders.ts',
      description: 'Admin: one page of orders by status, date range and customer, newest first',
      memoryMb: 512,
      timeoutSeconds: 10,
      uses: { table: 'read', secrets: ['cursorKey'] },
    },
    adminGetOrder: {
      entry: 'contexts/orders/lambda/admin-get-order.ts',
      description: 'Admin: one order with its status history',
      memoryMb: 256,
      timeoutSeconds: 10,
      uses: { table: 'read' },
    },
    // --- end orders ---
    // --- notifications (docs/orders.md#order-confirmation) ---
    orderConfirmationConsumer: {
      // Not routed: the `orderConfirmations` queue's consumer.
      entry: 'contexts/notifications/lambda/order-confirmation.ts',
      description: 'Queues the order confirmation e-mail once per OrderPlaced event (notification item)',
      memoryMb: 256,
      timeoutSeconds: 20,
      uses: { table: 'readWrite' },
    },
    // --- end notifications ---
  },

  routes: [
    { method: 'GET', path: '/health', function: 'health', access: 'public' },
    { method: 'GET', path: '/openapi.json', function: 'openApi', access: 'public' },
    { method: 'GET', path: '/docs', function: 'apiReference', access: 'public' },
    { method: 'GET', path: '/docs/{asset}', function: 'apiReferenceAsset', access: 'public' },
    { method: 'GET', path: '/products', function: 'listProducts', access: 'public' },
    { method: 'GET', path: '/products/{productId}', function: 'getProduct', access: 'public' },
    { method: 'GET', path: '/products/by-slug/{slug}', function: 'getProductBySlug', access: 'public' },
    { method: 'GET', path: '/categories', function: 'listCategories', access: 'public' },
    {
      method: 'GET',
      path: '/categories/{categoryId}/products',
      function: 'listCategoryProducts',
      access: 'public',
    },
    { method: 'GET', path: '/me', function: 'getMe', access: 'customer' },
    { method: 'PATCH', path: '/me', function: 'updateMe', access: 'customer' },
    { method: 'GET', path: '/me/addresses', function: 'listAddresses', access: 'customer' },
    { method: 'POST', path: '/me/addresses', function: 'addAddress', access: 'customer' },
    { method: 'PATCH', path: '/me/addresses/{addressId}', function: 'updateAddress', access: 'customer' },
    { method: 'DELETE', path: '/me/addresses/{addressId}', function: 'deleteAddress', access: 'customer' },
    { method: 'GET', path: '/admin/products/{productId}', function: 'adminGetProduct', access: 'admin' },
    { method: 'POST', path: '/admin/products', function: 'adminCreateProduct', access: 'admin' },
    { method: 'POST', path: '/admin/categories', function: 'adminCreateCategory', access: 'admin' },
    {
      method: 'PATCH',
      path: '/admin/categories/{categoryId}',
      function: 'adminUpdateCategory',
      access: 'admin',
    },
    {
      method: 'DELETE',
      path: '/admin/categories/{categoryId}',
      function: 'adminDeleteCategory',
      access: 'admin',
    },
    { method: 'PATCH', path: '/admin/products/{productId}', function: 'adminUpdateProduct', access: 'admin' },
    {
      method: 'DELETE',
      path: '/admin/products/{productId}',
      function: 'adminDeleteProduct',
      access: 'admin',
    },
    {
      method: 'POST',
      path: '/admin/products/{productId}/publish',
      function: 'adminPublishProduct',
      access: 'admin',
    },
    {
      method: 'POST',
      path: '/admin/products/{productId}/archive',
      function: 'adminArchiveProduct',
      access: 'admin',
    },
    {
      method: 'POST',
      path: '/admin/products/{productId}/variants',
      function: 'adminAddVariant',
      access: 'admin',
    },
    {
      method: 'PATCH',
      path: '/admin/products/{productId}/variants/{variantId}',
      function: 'adminUpdateVariant',
      access: 'admin',
    },
    {
      method: 'DELETE',
      path: '/admin/products/{productId}/variants/{variantId}',
      function: 'adminDeleteVariant',
      access: 'admin',
    },
    {
      method: 'PUT',
      path: '/admin/products/{productId}/variants/{variantId}/sale-prices',
      function: 'adminSetSalePrices',
      access: 'admin',
    },
    { method: 'POST', path: '/admin/products/import', function: 'adminImportProducts', access: 'admin' },
    { method: 'GET', path: '/admin/products', function: 'adminListProducts', access: 'admin' },
    {
      method: 'GET',
      path: '/admin/products/{productId}/audit',
      function: 'adminProductAudit',
      access: 'admin',
    },
    // --- inventory ---
    { method: 'GET', path: '/admin/inventory/{variantId}', function: 'adminGetStock', access: 'admin' },
    { method: 'PUT', path: '/admin/inventory/{variantId}', function: 'adminPutStock', access: 'admin' },
    {
      method: 'POST',
      path: '/admin/inventory/{variantId}/adjustments',
      function: 'adminAdjustStock',
      access: 'admin',
    },
    { method: 'GET', path: '/admin/stock-locations', function: 'adminListStockLocations', access: 'admin' },
    { method: 'POST', path: '/admin/stock-locations', function: 'adminCreateStockLocation', access: 'admin' },
    {
      method: 'GET',
      path: '/admin/stock-locations/{locationId}',
      function: 'adminGetStockLocation',
      access: 'admin',
    },
    {
      method: 'PATCH',
      path: '/admin/stock-locations/{locationId}',
      function: 'adminUpdateStockLocation',
      access: 'admin',
    },
    { method: 'GET', path: '/admin/reservations', function: 'adminListReservations', access: 'admin' },
    // --- end inventory ---
    // --- promotions ---
    { method: 'POST', path: '/admin/promotions', function: 'adminCreatePromotion', access: 'admin' },
    { method: 'GET', path: '/admin/promotions', function: 'adminListPromotions', access: 'admin' },
    {
      method: 'GET',
      path: '/admin/promotions/{promotionId}',
      function: 'adminGetPromotion',
      access: 'admin',
    },
    {
      method: 'PATCH',
      path: '/admin/promotions/{promotionId}',
      function: 'adminUpdatePromotion',
      access: 'admin',
    },
    {
      method: 'DELETE',
      path: '/admin/promotions/{promotionId}',
      function: 'adminDeletePromotion',
      access: 'admin',
    },
    // --- end promotions ---
    // --- shipping and tax settings ---
    { method: 'GET', path: '/admin/shipping-options', function: 'adminListShippingOptions', access: 'admin' },
    {
      method: 'POST',
      path: '/admin/shipping-options',
      function: 'adminCreateShippingOption',
      access: 'admin',
    },
    {
      method: 'GET',
      path: '/admin/shipping-options/{optionId}',
      function: 'adminGetShippingOption',
      access: 'admin',
    },
    {
      method: 'PUT',
      path: '/admin/shipping-options/{optionId}',
      function: 'adminReplaceShippingOption',
      access: 'admin',
    },
    {
      method: 'DELETE',
      path: '/admin/shipping-options/{optionId}',
      function: 'adminDeleteShippingOption',
      access: 'admin',
    },
    { method: 'GET', path: '/admin/tax-settings', function: 'adminGetTaxSettings', access: 'admin' },
    { method: 'PUT', path: '/admin/tax-settings', function: 'adminPutTaxSettings', access: 'admin' },
    // --- end shipping and tax settings ---
    // --- carts ---
    { method: 'POST', path: '/carts', function: 'createCart', access: 'optional' },
    { method: 'GET', path: '/carts/{cartId}', function: 'getCart', access: 'optional' },
    { method: 'POST', path: '/carts/{cartId}/items', function: 'addCartItem', access: 'optional' },
    {
      method: 'PATCH',
      path: '/carts/{cartId}/items/{lineId}',
      function: 'updateCartItem',
      access: 'optional',
    },
    {
      method: 'DELETE',
      path: '/carts/{cartId}/items/{lineId}',
      function: 'removeCartItem',
      access: 'optional',
    },
    { method: 'PUT', path: '/carts/{cartId}/email', function: 'setCartEmail', access: 'optional' },
    {
      method: 'PUT',
      path: '/carts/{cartId}/shipping-address',
      function: 'setCartShippingAddress',
      access: 'optional',
    },
    {
      method: 'GET',
      path: '/carts/{cartId}/shipping-options',
      function: 'listCartShippingOptions',
      access: 'optional',
    },
    {
      method: 'PUT',
      path: '/carts/{cartId}/shipping-method',
      function: 'setCartShippingMethod',
      access: 'optional',
    },
    { method: 'POST', path: '/carts/{cartId}/promotions', function: 'addCartPromotion', access: 'optional' },
    {
      method: 'DELETE',
      path: '/carts/{cartId}/promotions',
      function: 'removeCartPromotion',
      access: 'optional',
    },
    { method: 'POST', path: '/carts/{cartId}/claim', function: 'claimCart', access: 'customer' },
    // Optional: a guest proves the cart with X-Cart-Token, a customer with their token.
    { method: 'POST', path: '/carts/{cartId}/checkout', function: 'startCheckout', access: 'optional' },
    // --- end carts ---
    // --- payments ---
    // Public: Stripe cannot present a JWT; the handler verifies Stripe's signature before any effect.
    { method: 'POST', path: '/webhooks/stripe', function: 'stripeWebhook', access: 'public' },
    // --- end payments ---
    // --- orders ---
    { method: 'GET', path: '/orders/{orderId}', function: 'getOrder', access: 'optional' },
    { method: 'GET', path: '/me/orders', function: 'listMyOrders', access: 'customer' },
    { method: 'GET', path: '/admin/orders', function: 'adminListOrders', access: 'admin' },
    { method: 'GET', path: '/admin/orders/{orderId}', function: 'adminGetOrder', access: 'admin' },
    // --- end orders ---
    // Catch-all: unknown routes get a problem+json 404 from a function, not API Gateway's bare body.
    { method: 'ANY', path: '$default', function: 'notFound', access: 'public' },
  ],

  rules: {
    catalogProductsToListing: {
      description: 'Product events (they carry a productId) rebuild the product’s store listing entries',
      pattern: {
        source: ['commerce.catalog'],
        'detail-type': [
          'ProductCreated',
          'ProductUpdated',
          'ProductArchived',
          'ProductDeleted',
          'PriceChanged',
        ],
        detail: { data: { productId: [{ exists: true }] } },
      },
      queue: 'catalogListing',
    },
    catalogEventsToQueue: {
      description: 'Every catalog event goes to the catalog events queue',
      pattern: { source: ['commerce.catalog'] },
      queue: 'catalogEvents',
    },
    // --- notifications ---
    orderPlacedToConfirmation: {
      description: 'A placed (paid) order gets its confirmation e-mail queued',
      pattern: { source: ['commerce.orders'], 'detail-type': ['OrderPlaced'] },
      queue: 'orderConfirmations',
    },
    // --- end notifications ---
  },

  queues: {
    catalogListing: {
      description: 'Product events that change what the store lists (listing projection)',
      consumer: 'catalogListingProjector',
      batchSize: 10,
      visibilityTimeoutSeconds: 60,
      maxReceiveCount: 5,
    },
    catalogEvents: {
      description: 'Catalog events for back-office consumers',
      consumer: 'catalogEventsConsumer',
      batchSize: 10,
      visibilityTimeoutSeconds: 30,
      maxReceiveCount: 3,
    },
    // --- notifications ---
    orderConfirmations: {
      description: 'OrderPlaced events whose confirmation e-mail is to be queued',
      consumer: 'orderConfirmationConsumer',
      batchSize: 10,
      // Above the consumer's 20 s timeout, so a message is never redelivered while still being handled.
      visibilityTimeoutSeconds: 30,
      // A few tries absorb throttling; an order that is missing or has no e-mail then waits in the DLQ.
      maxReceiveCount: 3,
    },
    // --- end notifications ---
  },

  stateMachines: {
    // --- checkout (docs/checkout.md) ---
    checkout: {
      description:
        'Checkout, run synchronously per request: place the order, start its payment saga, open the PaymentIntent',
      definitionFile: 'contexts/checkout/workflow/checkout.asl.json',
      type: 'EXPRESS',
      // Its input carries the cart token and its output the PaymentIntent's client secret.
      logExecutionData: false,
      substitutions: {
        PlaceOrderFunctionArn: { function: 'checkoutPlaceOrder' },
        OpenPaymentFunctionArn: { function: 'checkoutOpenPayment' },
        ReleaseCheckoutFunctionArn: { function: 'checkoutRelease' },
        CheckoutPaymentStateMachineArn: { stateMachine: 'checkoutPayment' },
      },
    },
    checkoutPayment: {
      description:
        'One order’s payment saga: waits for Stripe, then completes the order or gives everything back',
      definitionFile: 'contexts/checkout/workflow/checkout-payment.asl.json',
      type: 'STANDARD',
      substitutions: {
        AwaitPaymentFunctionArn: { function: 'checkoutAwaitPayment' },
        CompleteOrderFunctionArn: { function: 'checkoutCompleteOrder' },
        ReleaseCheckoutFunctionArn: { function: 'checkoutRelease' },
        PaymentTimeoutSeconds: { literal: PAYMENT_TIMEOUT_SECONDS },
      },
    },
    // --- end checkout ---
    approval: {
      description: 'Waits for a decision through a task token (the path the checkout saga uses)',
      definitionFile: 'contexts/system/workflow/approval.asl.json',
      type: 'STANDARD',
      substitutions: {
        RecordTaskTokenFunctionArn: { function: 'recordTaskToken' },
        DecisionTimeoutSeconds: { literal: '300' },
      },
    },
  },

  schedules: {
    inventoryExpiry: {
      description: 'Releases held stock reservations past their hold time (ReservationExpired)',
      rate: 'rate(1 minute)',
      function: 'expireReservations',
    },
    abandonedCarts: {
      description: 'Reports carts with an e-mail idle past ABANDONED_CART_IDLE_MINUTES (CartAbandoned)',
      rate: 'rate(5 minutes)',
      function: 'abandonedCarts',
    },
  },

  pipes: {
    outbox: {
      description: 'Outbox records written with each state change reach the bus from the stream',
      filter: { eventName: ['INSERT'], dynamodb: { NewImage: { entity: { S: ['OUTBOX'] } } } },
      target: 'outboxRelay',
      batchSize: 10,
    },
    stockAlerts: {
      description: 'Written stock levels and settings: LowStock/OutOfStock from the variant total',
      filter: {
        eventName: ['INSERT', 'MODIFY'],
        dynamodb: { NewImage: { entity: { S: ['STOCK_LEVEL', 'STOCK_SETTINGS'] } } },
      },
      target: 'stockAlerts',
      batchSize: 100,
    },
    promotionUsage: {
      description: 'Written promotion usage counters: PromotionUsageExhausted when one reaches its limit',
      filter: {
        eventName: ['INSERT', 'MODIFY'],
        dynamodb: { NewImage: { entity: { S: ['PROMOTION_USAGE'] } } },
      },
      target: 'promotionUsageMonitor',
      batchSize: 100,
    },
  },
} as const satisfies AppDefinition;

export type App = typeof app;
export type FunctionName = keyof App['functions'];
