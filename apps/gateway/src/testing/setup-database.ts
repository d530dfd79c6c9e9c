import { useTestDatabaseAsDefault } from '@vi/db/testing';

useTestDatabaseAsDefault();
