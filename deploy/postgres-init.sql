-- One database per service (ADR 27): they share the server, never a table.
CREATE DATABASE catalog;
CREATE DATABASE orders;
CREATE DATABASE inventory;
CREATE DATABASE shipping;
CREATE DATABASE payments;
CREATE DATABASE notifications;
CREATE DATABASE query;
