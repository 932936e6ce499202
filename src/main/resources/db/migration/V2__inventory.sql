-- The inventory the rules reason over (PROCEDURE.md P-1.3, P-3). Natural keys: what ops type.

CREATE TABLE contact (
    name     VARCHAR(255) NOT NULL PRIMARY KEY,
    customer VARCHAR(255) NULL,
    role     VARCHAR(64)  NOT NULL,
    phone    VARCHAR(64)  NOT NULL,
    email    VARCHAR(255) NOT NULL
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE customer (
    name            VARCHAR(255) NOT NULL PRIMARY KEY,
    contract        VARCHAR(16)  NOT NULL,
    -- a contact's name; checked by the application (contacts refer to customers too)
    project_manager VARCHAR(255) NULL
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

ALTER TABLE contact ADD CONSTRAINT contact_customer_fk FOREIGN KEY (customer) REFERENCES customer (name);

CREATE TABLE site (
    name     VARCHAR(255)  NOT NULL PRIMARY KEY,
    customer VARCHAR(255)  NULL,
    address  VARCHAR(1000) NOT NULL,
    CONSTRAINT site_customer_fk FOREIGN KEY (customer) REFERENCES customer (name)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE service (
    reference   VARCHAR(128) NOT NULL PRIMARY KEY,
    customer    VARCHAR(255) NOT NULL,
    site        VARCHAR(255) NULL,
    criticality VARCHAR(16)  NOT NULL,
    redundant   BOOLEAN      NOT NULL,
    CONSTRAINT service_customer_fk FOREIGN KEY (customer) REFERENCES customer (name),
    CONSTRAINT service_site_fk FOREIGN KEY (site) REFERENCES site (name)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE device (
    name   VARCHAR(255) NOT NULL PRIMARY KEY,
    site   VARCHAR(255) NULL,
    parent VARCHAR(255) NULL,
    CONSTRAINT device_site_fk FOREIGN KEY (site) REFERENCES site (name),
    CONSTRAINT device_parent_fk FOREIGN KEY (parent) REFERENCES device (name)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE device_address (
    address VARCHAR(255) NOT NULL PRIMARY KEY,
    device  VARCHAR(255) NOT NULL,
    INDEX device_address_device (device),
    CONSTRAINT device_address_device_fk FOREIGN KEY (device) REFERENCES device (name) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE device_service (
    device  VARCHAR(255) NOT NULL,
    service VARCHAR(128) NOT NULL,
    PRIMARY KEY (device, service),
    CONSTRAINT device_service_device_fk FOREIGN KEY (device) REFERENCES device (name) ON DELETE CASCADE,
    CONSTRAINT device_service_service_fk FOREIGN KEY (service) REFERENCES service (reference)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
