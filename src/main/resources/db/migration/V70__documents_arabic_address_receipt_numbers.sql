-- Issue 20, documents: a centre has its national address in Arabic too (printed on Arabic invoices and receipts),
-- and a payment receipt has a human number (RCT-000001) instead of the payment's internal id.

alter table centre
    add column street_ar   varchar(150),
    add column district_ar varchar(100),
    add column city_ar     varchar(100);

-- The demo centre of earlier starts gets the Arabic form of its address (a real centre's admin enters its own).
update centre set street_ar = 'طريق الملك فهد', district_ar = 'العليا', city_ar = 'الرياض'
 where street = 'King Fahd Road' and district = 'Al Olaya' and city = 'Riyadh' and street_ar is null;

-- Receipts are not tax documents: a sequence (a rolled-back payment may leave a gap) numbers them in order.
create sequence receipt_number_seq;

alter table payment add column receipt_number varchar(20);

with numbered as (select id, row_number() over (order by received_at, id) as n from payment)
update payment p set receipt_number = 'RCT-' || lpad(numbered.n::text, 6, '0') from numbered where numbered.id = p.id;

select setval('receipt_number_seq', (select count(*) from payment) + 1, false);

alter table payment
    alter column receipt_number set default 'RCT-' || lpad(nextval('receipt_number_seq')::text, 6, '0'),
    alter column receipt_number set not null,
    add constraint payment_receipt_number_unique unique (receipt_number);
