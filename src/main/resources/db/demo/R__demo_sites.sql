-- Demo service sites (dev and test only): outdoor workers' stations and others in 吉利区 (洛阳) and 白城,
-- at plausible WGS-84 positions. Fixed ids below 100,000,000.
insert into service_site (id, union_id, kind, name, address, latitude, longitude, amenities, opening_hours, star_rating, status) values
 (1, 410306, 'OUTDOOR_WORKER_STATION', '吉利区总工会户外劳动者驿站', '吉利区吉利大道 1 号', 34.9005, 112.5840, '{WATER,REST,TOILET,MICROWAVE,CHARGING}', '每日 7:00-21:00', 4, 'OPEN'),
 (2, 4103061, 'OUTDOOR_WORKER_STATION', '河阳街道爱心驿站', '河阳街道河阳路 18 号', 34.8952, 112.5713, '{WATER,REST,CHARGING}', '每日 8:00-20:00', 3, 'OPEN'),
 (3, 4103062, 'OUTDOOR_WORKER_STATION', '康乐街道爱心驿站', '康乐街道康乐路 6 号', 34.9101, 112.5962, '{WATER,REST,TOILET}', '每日 8:00-20:00', 3, 'OPEN'),
 (4, 41030601, 'DRIVERS_HOME', '吉利区司机之家', '吉利区物流园 3 号', 34.8860, 112.6120, '{WATER,REST,TOILET,PARKING,MICROWAVE}', '全天', 5, 'OPEN'),
 (5, 410306, 'WORKER_SERVICE_CENTER', '吉利区职工服务中心', '吉利区政务中心 2 楼', 34.9033, 112.5811, '{LEGAL_ADVICE,BOOKS,WIFI}', '工作日 9:00-17:00', 5, 'OPEN'),
 (6, 410306, 'MEDIATION_ROOM', '吉利区劳动争议调解室', '吉利区人民法院 1 楼', 34.9048, 112.5790, '{LEGAL_ADVICE}', '工作日 9:00-17:00', null, 'OPEN'),
 (7, 4103061, 'OUTDOOR_WORKER_STATION', '河阳街道旧驿站', '河阳街道老街 2 号', 34.8990, 112.5760, '{WATER}', null, null, 'CLOSED'),
 (8, 4103, 'WORKER_SERVICE_CENTER', '洛阳市职工服务中心', '洛阳市洛龙区开元大道 218 号', 34.6190, 112.4540, '{LEGAL_ADVICE,BOOKS,WIFI}', '工作日 9:00-17:00', 5, 'OPEN'),
 (9, 2208, 'OUTDOOR_WORKER_STATION', '白城市总工会户外劳动者驿站', '白城市洮北区中兴西大路', 45.6196, 122.8390, '{WATER,REST,TOILET}', '每日 8:00-18:00', 4, 'OPEN'),
 (10, 220822, 'OUTDOOR_WORKER_STATION', '通榆县美团骑手驿站', '通榆县开通镇', 44.8130, 123.0880, '{WATER,REST,CHARGING}', '每日 9:00-22:00', 3, 'OPEN');
