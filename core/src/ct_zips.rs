//! Connecticut ZIP codes and the towns their people live in. Written by
//! `tools/zip-towns.py` from `core/data/ct-zip-towns.tsv` (its source and MIT licence are
//! named there): do not edit by hand.

/// `(ZIP, town, percent)`: a ZIP code as a number (06226 is 6226), a town as its index in
/// [`TOWNS`](crate::ct_towns::TOWNS), and the percent (rounded down) of the ZIP's people
/// (2020 Census) living in that town. Sorted by ZIP, then most people first. Towns with
/// under 5% of a ZIP's people are left out, so a ZIP lists the towns a family there most
/// likely lives in (06226 is Windham: the 2% of its people in Mansfield are not offered).
pub const ZIP_TOWNS: &[(u16, u8, u8)] = &[
    (6001, 3, 98),    // 06001 Avon
    (6002, 10, 99),   // 06002 Bloomfield
    (6010, 16, 99),   // 06010 Bristol
    (6013, 19, 100),  // 06013 Burlington
    (6016, 44, 100),  // 06016 East Windsor
    (6018, 99, 100),  // 06018 North Canaan
    (6019, 22, 100),  // 06019 Canton
    (6020, 22, 100),  // 06020 Canton
    (6021, 28, 100),  // 06021 Colebrook
    (6022, 22, 100),  // 06022 Canton
    (6023, 6, 100),   // 06023 Berlin
    (6024, 99, 100),  // 06024 North Canaan
    (6026, 38, 100),  // 06026 East Granby
    (6027, 64, 100),  // 06027 Hartland
    (6029, 47, 99),   // 06029 Ellington
    (6031, 20, 79),   // 06031 Canaan
    (6031, 121, 16),  // 06031 Salisbury
    (6032, 51, 100),  // 06032 Farmington
    (6033, 53, 100),  // 06033 Glastonbury
    (6035, 55, 99),   // 06035 Granby
    (6037, 6, 99),    // 06037 Berlin
    (6039, 121, 100), // 06039 Salisbury
    (6040, 76, 100),  // 06040 Manchester
    (6042, 76, 99),   // 06042 Manchester
    (6043, 11, 99),   // 06043 Bolton
    (6051, 88, 100),  // 06051 New Britain
    (6052, 88, 99),   // 06052 New Britain
    (6053, 88, 99),   // 06053 New Britain
    (6057, 91, 100),  // 06057 New Hartford
    (6058, 97, 94),   // 06058 Norfolk
    (6058, 54, 5),    // 06058 Goshen
    (6059, 22, 100),  // 06059 Canton
    (6060, 55, 100),  // 06060 Granby
    (6061, 91, 100),  // 06061 New Hartford
    (6062, 109, 99),  // 06062 Plainville
    (6063, 4, 100),   // 06063 Barkhamsted
    (6065, 64, 68),   // 06065 Hartland
    (6065, 4, 31),    // 06065 Barkhamsted
    (6066, 145, 99),  // 06066 Vernon
    (6067, 118, 100), // 06067 Rocky Hill
    (6068, 121, 100), // 06068 Salisbury
    (6069, 124, 100), // 06069 Sharon
    (6070, 127, 100), // 06070 Simsbury
    (6071, 128, 97),  // 06071 Somers
    (6072, 128, 100), // 06072 Somers
    (6073, 53, 100),  // 06073 Glastonbury
    (6074, 129, 100), // 06074 South Windsor
    (6076, 133, 93),  // 06076 Stafford
    (6076, 144, 6),   // 06076 Union
    (6078, 138, 100), // 06078 Suffield
    (6079, 121, 100), // 06079 Salisbury
    (6080, 138, 100), // 06080 Suffield
    (6081, 127, 100), // 06081 Simsbury
    (6082, 48, 100),  // 06082 Enfield
    (6084, 141, 99),  // 06084 Tolland
    (6085, 51, 100),  // 06085 Farmington
    (6088, 44, 100),  // 06088 East Windsor
    (6089, 127, 100), // 06089 Simsbury
    (6090, 55, 100),  // 06090 Granby
    (6091, 64, 100),  // 06091 Hartland
    (6092, 127, 100), // 06092 Simsbury
    (6093, 138, 100), // 06093 Suffield
    (6095, 163, 99),  // 06095 Windsor
    (6096, 164, 100), // 06096 Windsor Locks
    (6098, 161, 99),  // 06098 Winchester
    (6103, 63, 100),  // 06103 Hartford
    (6105, 63, 97),   // 06105 Hartford
    (6106, 63, 100),  // 06106 Hartford
    (6107, 153, 99),  // 06107 West Hartford
    (6108, 41, 100),  // 06108 East Hartford
    (6109, 158, 100), // 06109 Wethersfield
    (6110, 153, 99),  // 06110 West Hartford
    (6111, 95, 100),  // 06111 Newington
    (6112, 63, 100),  // 06112 Hartford
    (6114, 63, 100),  // 06114 Hartford
    (6117, 153, 100), // 06117 West Hartford
    (6118, 41, 100),  // 06118 East Hartford
    (6119, 153, 100), // 06119 West Hartford
    (6120, 63, 100),  // 06120 Hartford
    (6226, 162, 98),  // 06226 Windham
    (6231, 66, 100),  // 06231 Hebron
    (6232, 0, 100),   // 06232 Andover
    (6234, 18, 99),   // 06234 Brooklyn
    (6235, 23, 100),  // 06235 Chaplin
    (6237, 29, 100),  // 06237 Columbia
    (6238, 31, 100),  // 06238 Coventry
    (6239, 68, 93),   // 06239 Killingly
    (6239, 108, 6),   // 06239 Plainfield
    (6241, 68, 100),  // 06241 Killingly
    (6242, 45, 95),   // 06242 Eastford
    (6243, 68, 100),  // 06243 Killingly
    (6247, 62, 66),   // 06247 Hampton
    (6247, 122, 33),  // 06247 Scotland
    (6248, 66, 100),  // 06248 Hebron
    (6249, 70, 100),  // 06249 Lebanon
    (6250, 77, 98),   // 06250 Mansfield
    (6254, 52, 100),  // 06254 Franklin
    (6255, 140, 100), // 06255 Thompson
    (6256, 162, 99),  // 06256 Windham
    (6258, 111, 100), // 06258 Pomfret
    (6259, 111, 93),  // 06259 Pomfret
    (6259, 45, 6),    // 06259 Eastford
    (6260, 115, 99),  // 06260 Putnam
    (6262, 140, 100), // 06262 Thompson
    (6263, 68, 100),  // 06263 Killingly
    (6264, 122, 100), // 06264 Scotland
    (6266, 162, 100), // 06266 Windham
    (6268, 77, 100),  // 06268 Mansfield
    (6269, 77, 100),  // 06269 Mansfield
    (6277, 140, 99),  // 06277 Thompson
    (6278, 2, 98),    // 06278 Ashford
    (6279, 159, 100), // 06279 Willington
    (6280, 162, 93),  // 06280 Windham
    (6280, 122, 6),   // 06280 Scotland
    (6281, 168, 99),  // 06281 Woodstock
    (6282, 168, 100), // 06282 Woodstock
    (6320, 93, 99),   // 06320 New London
    (6330, 132, 89),  // 06330 Sprague
    (6330, 122, 10),  // 06330 Scotland
    (6331, 21, 99),   // 06331 Canterbury
    (6332, 108, 100), // 06332 Plainfield
    (6333, 43, 100),  // 06333 East Lyme
    (6334, 12, 100),  // 06334 Bozrah
    (6335, 71, 100),  // 06335 Ledyard
    (6336, 12, 100),  // 06336 Bozrah
    (6338, 71, 100),  // 06338 Ledyard
    (6339, 71, 99),   // 06339 Ledyard
    (6340, 58, 100),  // 06340 Groton
    (6350, 132, 100), // 06350 Sprague
    (6351, 57, 72),   // 06351 Griswold
    (6351, 72, 26),   // 06351 Lisbon
    (6353, 85, 100),  // 06353 Montville
    (6354, 108, 91),  // 06354 Plainfield
    (6354, 135, 8),   // 06354 Sterling
    (6355, 58, 67),   // 06355 Groton
    (6355, 136, 32),  // 06355 Stonington
    (6357, 43, 100),  // 06357 East Lyme
    (6359, 101, 100), // 06359 North Stonington
    (6360, 103, 100), // 06360 Norwich
    (6365, 113, 100), // 06365 Preston
    (6370, 85, 100),  // 06370 Montville
    (6371, 104, 77),  // 06371 Old Lyme
    (6371, 74, 22),   // 06371 Lyme
    (6373, 135, 100), // 06373 Sterling
    (6374, 108, 100), // 06374 Plainfield
    (6375, 151, 99),  // 06375 Waterford
    (6376, 104, 100), // 06376 Old Lyme
    (6377, 135, 100), // 06377 Sterling
    (6378, 136, 100), // 06378 Stonington
    (6379, 136, 100), // 06379 Stonington
    (6380, 103, 100), // 06380 Norwich
    (6382, 85, 99),   // 06382 Montville
    (6384, 146, 97),  // 06384 Voluntown
    (6385, 151, 100), // 06385 Waterford
    (6387, 108, 100), // 06387 Plainfield
    (6389, 103, 100), // 06389 Norwich
    (6401, 1, 99),    // 06401 Ansonia
    (6403, 5, 100),   // 06403 Beacon Falls
    (6405, 13, 99),   // 06405 Branford
    (6409, 49, 100),  // 06409 Essex
    (6410, 24, 99),   // 06410 Cheshire
    (6412, 25, 100),  // 06412 Chester
    (6413, 26, 100),  // 06413 Clinton
    (6414, 40, 94),   // 06414 East Hampton
    (6414, 112, 5),   // 06414 Portland
    (6415, 27, 95),   // 06415 Colchester
    (6416, 32, 100),  // 06416 Cromwell
    (6417, 35, 100),  // 06417 Deep River
    (6418, 36, 99),   // 06418 Derby
    (6419, 69, 100),  // 06419 Killingworth
    (6420, 120, 98),  // 06420 Salem
    (6422, 37, 100),  // 06422 Durham
    (6423, 39, 100),  // 06423 East Haddam
    (6424, 40, 97),   // 06424 East Hampton
    (6426, 49, 100),  // 06426 Essex
    (6437, 59, 99),   // 06437 Guilford
    (6438, 60, 100),  // 06438 Haddam
    (6439, 74, 100),  // 06439 Lyme
    (6441, 60, 100),  // 06441 Haddam
    (6442, 49, 100),  // 06442 Essex
    (6443, 75, 99),   // 06443 Madison
    (6444, 131, 100), // 06444 Southington
    (6447, 78, 100),  // 06447 Marlborough
    (6450, 79, 100),  // 06450 Meriden
    (6451, 79, 99),   // 06451 Meriden
    (6455, 81, 100),  // 06455 Middlefield
    (6456, 40, 100),  // 06456 East Hampton
    (6457, 82, 100),  // 06457 Middletown
    (6459, 82, 100),  // 06459 Middletown
    (6460, 83, 100),  // 06460 Milford
    (6461, 83, 100),  // 06461 Milford
    (6467, 131, 100), // 06467 Southington
    (6468, 84, 100),  // 06468 Monroe
    (6469, 39, 100),  // 06469 East Haddam
    (6470, 96, 100),  // 06470 Newtown
    (6471, 98, 98),   // 06471 North Branford
    (6472, 98, 100),  // 06472 North Branford
    (6473, 100, 98),  // 06473 North Haven
    (6475, 105, 100), // 06475 Old Saybrook
    (6477, 106, 100), // 06477 Orange
    (6478, 107, 100), // 06478 Oxford
    (6479, 131, 100), // 06479 Southington
    (6480, 112, 100), // 06480 Portland
    (6481, 81, 100),  // 06481 Middlefield
    (6482, 96, 100),  // 06482 Newtown
    (6483, 123, 100), // 06483 Seymour
    (6484, 125, 100), // 06484 Shelton
    (6488, 130, 99),  // 06488 Southbury
    (6489, 131, 100), // 06489 Southington
    (6492, 147, 99),  // 06492 Wallingford
    (6498, 155, 99),  // 06498 Westbrook
    (6510, 92, 100),  // 06510 New Haven
    (6511, 92, 99),   // 06511 New Haven
    (6512, 42, 72),   // 06512 East Haven
    (6512, 92, 27),   // 06512 New Haven
    (6513, 92, 83),   // 06513 New Haven
    (6513, 42, 16),   // 06513 East Haven
    (6514, 61, 99),   // 06514 Hamden
    (6515, 92, 100),  // 06515 New Haven
    (6516, 154, 100), // 06516 West Haven
    (6517, 61, 100),  // 06517 Hamden
    (6518, 61, 100),  // 06518 Hamden
    (6519, 92, 100),  // 06519 New Haven
    (6524, 7, 100),   // 06524 Bethany
    (6525, 166, 100), // 06525 Woodbridge
    (6604, 14, 100),  // 06604 Bridgeport
    (6605, 14, 100),  // 06605 Bridgeport
    (6606, 14, 100),  // 06606 Bridgeport
    (6607, 14, 100),  // 06607 Bridgeport
    (6608, 14, 100),  // 06608 Bridgeport
    (6610, 14, 100),  // 06610 Bridgeport
    (6611, 143, 99),  // 06611 Trumbull
    (6612, 46, 100),  // 06612 Easton
    (6614, 137, 100), // 06614 Stratford
    (6615, 137, 100), // 06615 Stratford
    (6702, 150, 100), // 06702 Waterbury
    (6704, 150, 100), // 06704 Waterbury
    (6705, 150, 99),  // 06705 Waterbury
    (6706, 150, 100), // 06706 Waterbury
    (6708, 150, 100), // 06708 Waterbury
    (6710, 150, 100), // 06710 Waterbury
    (6712, 114, 100), // 06712 Prospect
    (6716, 165, 100), // 06716 Wolcott
    (6750, 73, 100),  // 06750 Litchfield
    (6751, 9, 100),   // 06751 Bethlehem
    (6752, 15, 99),   // 06752 Bridgewater
    (6753, 30, 100),  // 06753 Cornwall
    (6754, 148, 62),  // 06754 Warren
    (6754, 30, 30),   // 06754 Cornwall
    (6755, 94, 100),  // 06755 New Milford
    (6756, 54, 99),   // 06756 Goshen
    (6757, 67, 100),  // 06757 Kent
    (6758, 86, 100),  // 06758 Morris
    (6759, 73, 95),   // 06759 Litchfield
    (6762, 80, 100),  // 06762 Middlebury
    (6763, 86, 100),  // 06763 Morris
    (6770, 87, 99),   // 06770 Naugatuck
    (6776, 94, 99),   // 06776 New Milford
    (6777, 149, 79),  // 06777 Washington
    (6777, 148, 20),  // 06777 Warren
    (6778, 73, 100),  // 06778 Litchfield
    (6779, 152, 100), // 06779 Watertown
    (6782, 110, 100), // 06782 Plymouth
    (6783, 119, 100), // 06783 Roxbury
    (6784, 126, 97),  // 06784 Sherman
    (6785, 67, 100),  // 06785 Kent
    (6786, 110, 100), // 06786 Plymouth
    (6787, 139, 98),  // 06787 Thomaston
    (6790, 142, 99),  // 06790 Torrington
    (6791, 65, 98),   // 06791 Harwinton
    (6793, 149, 100), // 06793 Washington
    (6794, 149, 96),  // 06794 Washington
    (6795, 152, 99),  // 06795 Watertown
    (6796, 30, 82),   // 06796 Cornwall
    (6796, 124, 17),  // 06796 Sharon
    (6798, 167, 100), // 06798 Woodbury
    (6801, 8, 100),   // 06801 Bethel
    (6804, 17, 98),   // 06804 Brookfield
    (6807, 56, 100),  // 06807 Greenwich
    (6810, 33, 99),   // 06810 Danbury
    (6811, 33, 100),  // 06811 Danbury
    (6812, 90, 100),  // 06812 New Fairfield
    (6820, 34, 100),  // 06820 Darien
    (6824, 50, 100),  // 06824 Fairfield
    (6825, 50, 100),  // 06825 Fairfield
    (6830, 56, 100),  // 06830 Greenwich
    (6831, 56, 98),   // 06831 Greenwich
    (6840, 89, 99),   // 06840 New Canaan
    (6850, 102, 100), // 06850 Norwalk
    (6851, 102, 100), // 06851 Norwalk
    (6853, 102, 100), // 06853 Norwalk
    (6854, 102, 100), // 06854 Norwalk
    (6855, 102, 99),  // 06855 Norwalk
    (6870, 56, 100),  // 06870 Greenwich
    (6877, 117, 99),  // 06877 Ridgefield
    (6878, 56, 100),  // 06878 Greenwich
    (6880, 157, 99),  // 06880 Westport
    (6883, 156, 100), // 06883 Weston
    (6890, 50, 100),  // 06890 Fairfield
    (6896, 116, 100), // 06896 Redding
    (6897, 160, 99),  // 06897 Wilton
    (6901, 134, 100), // 06901 Stamford
    (6902, 134, 99),  // 06902 Stamford
    (6903, 134, 100), // 06903 Stamford
    (6905, 134, 100), // 06905 Stamford
    (6906, 134, 100), // 06906 Stamford
    (6907, 134, 99),  // 06907 Stamford
];
