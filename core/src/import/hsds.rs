//! Open Referral HSDS import (being written).
