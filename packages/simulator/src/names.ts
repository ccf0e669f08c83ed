/** Word lists that make the demo business read like a real one. */

export interface CategorySpec {
  name: string;
  code: string;
  /** Typical shelf prices (log-uniform between). */
  price: [number, number];
  nouns: readonly string[];
  variants: readonly string[];
}

export const CATEGORIES: readonly CategorySpec[] = [
  {
    name: 'Tools',
    code: 'TLS',
    price: [8, 320],
    nouns: ['Cordless Drill', 'Impact Driver', 'Claw Hammer', 'Screwdriver Set', 'Socket Wrench Set', 'Circular Saw', 'Tape Measure', 'Spirit Level', 'Utility Knife', 'Angle Grinder', 'Jigsaw', 'Pliers Set', 'Tool Box', 'Bar Clamp'],
    variants: ['18V', 'Pro', 'Compact', 'Heavy Duty', 'XL', '24-piece', 'Brushless'],
  },
  {
    name: 'Garden',
    code: 'GRD',
    price: [5, 420],
    nouns: ['Garden Hose', 'Pruning Shears', 'Lawn Mower', 'Leaf Blower', 'Raised Planter', 'Watering Can', 'Hedge Trimmer', 'Garden Gloves', 'Wheelbarrow', 'Oscillating Sprinkler', 'Compost Bin', 'Patio Chair', 'Leaf Rake'],
    variants: ['25 m', 'Cordless', 'Large', 'Steel', 'Eco', 'Folding', '2-pack'],
  },
  {
    name: 'Electronics',
    code: 'ELC',
    price: [9, 380],
    nouns: ['Wireless Earbuds', 'Bluetooth Speaker', 'USB-C Charger', 'Power Bank', 'Smart Plug', 'HDMI Cable', 'HD Webcam', 'Mechanical Keyboard', 'Wireless Mouse', 'LED Desk Lamp', 'Smartwatch', 'Portable SSD', 'Wi-Fi Router'],
    variants: ['65W', '1 TB', '20000 mAh', 'Mini', 'Pro', '2 m', 'Gen 2'],
  },
  {
    name: 'Kitchen',
    code: 'KIT',
    price: [6, 280],
    nouns: ["Chef's Knife", 'Cast Iron Skillet', 'Nonstick Pan', 'Blender', 'Coffee Grinder', 'French Press', 'Cutting Board', 'Stand Mixer', 'Toaster', 'Electric Kettle', 'Food Storage Set', 'Dutch Oven'],
    variants: ['28 cm', '1.7 L', 'Stainless', 'Bamboo', '10-piece', 'Matte Black', 'Classic'],
  },
  {
    name: 'Toys',
    code: 'TOY',
    price: [7, 140],
    nouns: ['Building Blocks Set', 'Jigsaw Puzzle', 'Plush Bear', 'RC Car', 'Board Game', 'Wooden Train Set', 'Art Kit', 'Doll House', 'Stunt Kite', 'Science Kit'],
    variants: ['1000 pcs', 'Deluxe', 'Junior', 'Family Edition', 'Starter', 'Large'],
  },
  {
    name: 'Apparel',
    code: 'APP',
    price: [9, 180],
    nouns: ['Rain Jacket', 'Wool Sweater', 'Running Shorts', 'Denim Jeans', 'Winter Coat', 'Cotton T-Shirt', 'Hoodie', 'Beanie', 'Hiking Socks', 'Fleece Vest'],
    variants: ['S', 'M', 'L', 'XL', 'Navy', 'Black', 'Olive'],
  },
  {
    name: 'Sports',
    code: 'SPT',
    price: [6, 380],
    nouns: ['Yoga Mat', 'Dumbbell Pair', 'Tennis Racket', 'Football', 'Cycling Helmet', 'Resistance Bands', 'Jump Rope', 'Hiking Backpack', 'Water Bottle', 'Camping Tent'],
    variants: ['6 mm', '2 x 5 kg', 'Size 5', '30 L', '2-person', 'Pro', 'Lite'],
  },
  {
    name: 'Office',
    code: 'OFF',
    price: [3, 560],
    nouns: ['Ergonomic Chair', 'Standing Desk', 'Notebook Pack', 'Gel Pens', 'Desk Organizer', 'Stapler', 'Monitor Arm', 'Whiteboard', 'Paper Shredder', 'Label Printer', 'Copy Paper'],
    variants: ['A4', '12-pack', 'Mesh', 'Dual', '120 x 90 cm', 'Executive', 'Recycled'],
  },
  {
    name: 'Beauty',
    code: 'BTY',
    price: [4, 120],
    nouns: ['Face Serum', 'Day Moisturizer', 'Shampoo', 'Hair Dryer', 'Electric Toothbrush', 'Sunscreen SPF50', 'Lip Balm Set', 'Beard Trimmer', 'Body Lotion', 'Eau de Parfum'],
    variants: ['30 ml', '250 ml', 'Sensitive', 'Travel Size', 'Unscented', 'Ionic', 'Rechargeable'],
  },
  {
    name: 'Pet',
    code: 'PET',
    price: [4, 190],
    nouns: ['Dry Dog Food', 'Cat Litter', 'Dog Leash', 'Cat Tree', 'Orthopedic Pet Bed', 'Chew Toy Set', 'Aquarium Filter', 'Bird Feeder', 'Pet Shampoo', 'Cat Scratcher'],
    variants: ['12 kg', '10 L', 'Medium', 'Large', 'Grain-Free', 'Reflective', 'Indoor'],
  },
];

export const BRANDS = ['Forgewell', 'Ironclad', 'Brightline', 'Northpeak', 'Verda', 'Lumen', 'Kestrel', 'Oakridge', 'Tidewater', 'Halcyon', 'Pinecrest', 'Novara', 'Aurelia', 'Copperfield', 'Bluefin', 'Sable'];

export const SUPPLIER_PREFIXES = ['Nordic', 'Baltic', 'Danube', 'Alpine', 'Atlas', 'Pioneer', 'Summit', 'Harbor', 'Meridian', 'Carpathian', 'Rhine', 'Adriatic'];
export const SUPPLIER_SUFFIXES = ['Supply', 'Wholesale', 'Trading', 'Distribution', 'Manufacturing', 'Imports'];

export const FIRST_NAMES = ['Ana', 'Andrei', 'Maria', 'Ioana', 'Mihai', 'Elena', 'Lukas', 'Sofia', 'Jonas', 'Emma', 'Noah', 'Mia', 'Liam', 'Olivia', 'Matteo', 'Giulia', 'Pierre', 'Camille', 'Jan', 'Eva', 'Tomas', 'Lea', 'David', 'Sara', 'Marek', 'Zofia', 'Daniel', 'Laura', 'Piotr', 'Anna'];
export const LAST_NAMES = ['Pop', 'Iancu', 'Popescu', 'Ionescu', 'Muller', 'Schmidt', 'Rossi', 'Bianchi', 'Dubois', 'Martin', 'Novak', 'Kowalski', 'Nowak', 'Horvat', 'Jensen', 'Nielsen', 'Garcia', 'Lopez', 'Silva', 'Costa', 'Weber', 'Fischer', 'Moreau', 'Lambert', 'Varga', 'Nagy'];

export const COMPANY_WORDS = ['Northwind', 'Bluebird', 'Granite', 'Evergreen', 'Cedar', 'Silverline', 'Keystone', 'Redwood', 'Horizon', 'Riverside', 'Sunrise', 'Oakmont', 'Lakeside', 'Brightwater', 'Stonebridge', 'Westfield'];
export const COMPANY_KINDS = ['Hardware', 'Home Center', 'Retail', 'Outfitters', 'Office Supplies', 'Garden Center', 'Stores', 'Trading', 'Facilities', 'Hospitality'];
export const COMPANY_FORMS = ['Ltd', 'GmbH', 'SRL', 'BV', 'AB', 'Inc'];

export const REGIONS = ['north', 'south', 'east', 'west', 'central'] as const;

/** Hub names per region, used as carrier scan locations. */
export const HUBS: Record<string, readonly string[]> = {
  north: ['Hamburg hub', 'Gdansk depot'],
  south: ['Milan hub', 'Bucharest depot'],
  east: ['Warsaw hub', 'Cluj depot'],
  west: ['Lyon hub', 'Rotterdam depot'],
  central: ['Prague hub', 'Vienna depot'],
};

export function slug(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '.')
    .replace(/^\.|\.$/g, '');
}
