-- Issue 17: each service carries the code an insurance claim bills it under and the NPHIES code system it belongs to.
alter table clinical_service
    add column billing_code           varchar(30),
    add column insurance_service_type varchar(30);
